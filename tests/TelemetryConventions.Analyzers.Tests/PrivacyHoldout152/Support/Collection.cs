namespace EarlyYears.Collection;

// Collections at the door with passwords, childminders' school runs, and outings by minibus.

/// <summary>Someone a parent authorised to collect. Prints collector id, child id, name, relationship, the collection password and whether a photo is on file.</summary>
public sealed record AuthorisedCollector(string CollectorId, string ChildId, string Name, string Relationship, string Password, bool PhotoOnFile);

/// <summary>A handover at the door. Prints handover id, child id, the collector's name, time and whether the password matched.</summary>
public sealed record Handover(string HandoverId, string ChildId, string CollectorName, DateTimeOffset At, bool PasswordMatched);

/// <summary>A childminder's school run. Prints run id, the childminder's URN, the school and the children's ids.</summary>
public sealed record SchoolRun(string RunId, string ChildminderUrn, string School, IReadOnlyList<string> ChildIds);

/// <summary>A phone's position on a run.</summary>
public sealed record GpsFix(double Latitude, double Longitude, DateTimeOffset At);

/// <summary>An outing. Prints outing id, setting, destination, children, staff and the minibus's plate.</summary>
public sealed record Outing(string OutingId, string SettingUrn, string Destination, int ChildCount, int StaffCount, string MinibusPlate);

/// <summary>The door system and collector register; not telemetry.</summary>
public interface ICollectorRegister
{
    Task<IReadOnlyList<AuthorisedCollector>> ForChildAsync(string childId, CancellationToken cancellationToken = default);

    Task OpenDoorAsync(string room, CancellationToken cancellationToken = default);

    Task SaveAsync(Handover handover, CancellationToken cancellationToken = default);
}

/// <summary>Someone not on the list tried to collect; quotes their name and the child's.</summary>
public sealed class UnauthorisedCollectorException(string collectorName, string childName) : Exception($"{collectorName} is not authorised to collect {childName}");

/// <summary>A collection is late; quotes the room and the minutes.</summary>
public sealed class LateCollectionException(string room, int minutes) : Exception($"Collection from {room} is {minutes} minutes late");

/// <summary>The headcount on an outing does not match; quotes the outing and the numbers.</summary>
public sealed class HeadcountMismatchException(string outingId, int expected, int counted) : Exception($"Outing {outingId}: expected {expected}, counted {counted}");
