using System.Collections.Generic;

namespace PrivacyHoldout21.Support.TransitRealtime;

// Stand-ins for the GTFS-Realtime protobuf classes (transit_realtime namespace of the bindings).

public sealed class FeedHeader
{
    public string GtfsRealtimeVersion { get; set; } = "2.0";

    public string Incrementality { get; set; } = "FULL_DATASET";

    public ulong Timestamp { get; set; }
}

public sealed class TripDescriptor
{
    public string? TripId { get; set; }

    public string? RouteId { get; set; }

    public uint DirectionId { get; set; }

    public string? StartDate { get; set; }

    public string ScheduleRelationship { get; set; } = "SCHEDULED";
}

public sealed class VehicleDescriptor
{
    public string? Id { get; set; }

    public string? Label { get; set; }

    public string? LicensePlate { get; set; }
}

public sealed class Position
{
    public float Latitude { get; set; }

    public float Longitude { get; set; }

    public float? Bearing { get; set; }

    public double? Speed { get; set; }
}

public sealed class VehiclePosition
{
    public TripDescriptor? Trip { get; set; }

    public VehicleDescriptor? Vehicle { get; set; }

    public Position? Position { get; set; }

    public uint CurrentStopSequence { get; set; }

    public string? StopId { get; set; }

    public string OccupancyStatus { get; set; } = "EMPTY";

    public ulong Timestamp { get; set; }
}

public sealed class StopTimeEvent
{
    public int Delay { get; set; }

    public long Time { get; set; }
}

public sealed class StopTimeUpdate
{
    public uint StopSequence { get; set; }

    public string? StopId { get; set; }

    public StopTimeEvent? Arrival { get; set; }

    public StopTimeEvent? Departure { get; set; }
}

public sealed class TripUpdate
{
    public TripDescriptor Trip { get; set; } = new();

    public VehicleDescriptor? Vehicle { get; set; }

    public List<StopTimeUpdate> StopTimeUpdate { get; set; } = [];

    public int? Delay { get; set; }
}

public sealed class FeedEntity
{
    public string Id { get; set; } = string.Empty;

    public bool IsDeleted { get; set; }

    public TripUpdate? TripUpdate { get; set; }

    public VehiclePosition? Vehicle { get; set; }
}

public sealed class FeedMessage
{
    public FeedHeader Header { get; set; } = new();

    public List<FeedEntity> Entity { get; set; } = [];

    public static FeedMessage ParseFrom(byte[] data) => new();

    public byte[] ToByteArray() => [];

    public int CalculateSize() => 0;
}
