// Generated-style code for transit/v1/*.proto (package transit.v1).
namespace Transit.V1;

public sealed partial class TapRequest : IMessage<TapRequest>
{
    public string CardNumber { get; set; } = string.Empty;

    public string StopId { get; set; } = string.Empty;

    public string VehicleId { get; set; } = string.Empty;

    public long TappedAtUnix { get; set; }

    public TapRequest Clone() => (TapRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class TapResult : IMessage<TapResult>
{
    public string JourneyId { get; set; } = string.Empty;

    public int FarePence { get; set; }

    public string Outcome { get; set; } = string.Empty;

    public TapResult Clone() => (TapResult)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class VehiclePosition : IMessage<VehiclePosition>
{
    public string VehicleId { get; set; } = string.Empty;

    public string TripId { get; set; } = string.Empty;

    public string DriverStaffNumber { get; set; } = string.Empty;

    public double Latitude { get; set; }

    public double Longitude { get; set; }

    public VehiclePosition Clone() => (VehiclePosition)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class PositionsAck : IMessage<PositionsAck>
{
    public int Received { get; set; }

    public PositionsAck Clone() => (PositionsAck)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class DeparturesRequest : IMessage<DeparturesRequest>
{
    public string RouteId { get; set; } = string.Empty;

    public string StopId { get; set; } = string.Empty;

    public DeparturesRequest Clone() => (DeparturesRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class DeparturesReply : IMessage<DeparturesReply>
{
    public RepeatedField<string> TripIds { get; } = new();

    public DeparturesReply Clone() => (DeparturesReply)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class SavedJourneysRequest : IMessage<SavedJourneysRequest>
{
    public string RiderId { get; set; } = string.Empty;

    public SavedJourneysRequest Clone() => (SavedJourneysRequest)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public sealed partial class SavedJourneysReply : IMessage<SavedJourneysReply>
{
    /// <summary>Journeys the rider saved, as "from → to" place names they typed.</summary>
    public RepeatedField<string> Journeys { get; } = new();

    public SavedJourneysReply Clone() => (SavedJourneysReply)MemberwiseClone();

    public override string ToString() => JsonFormatter.ToDiagnosticString(this);
}

public static partial class Fares
{
    public const string ServiceName = "transit.v1.Fares";

    public abstract partial class FaresBase
    {
        public virtual Task<TapResult> Tap(TapRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}

public static partial class Positions
{
    public const string ServiceName = "transit.v1.Positions";

    public abstract partial class PositionsBase
    {
        public virtual Task<PositionsAck> Report(IAsyncStreamReader<VehiclePosition> requestStream, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}

public static partial class Planner
{
    public const string ServiceName = "transit.v1.Planner";

    public abstract partial class PlannerBase
    {
        public virtual Task<DeparturesReply> GetDepartures(DeparturesRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));

        public virtual Task<SavedJourneysReply> GetSavedJourneys(SavedJourneysRequest request, ServerCallContext context) =>
            throw new RpcException(new Status(StatusCode.Unimplemented, ""));
    }
}
