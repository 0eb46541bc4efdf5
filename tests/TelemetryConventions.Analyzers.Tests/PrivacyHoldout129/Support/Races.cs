namespace FitSync.Races;

// Stand-ins for a race entry and timing platform: entries, chip reads and results. Records print their members.

/// <summary>A race. Prints its members.</summary>
public sealed record Race(string RaceId, string Name, DateOnly Date, string Distance, int Capacity);

/// <summary>An entry. Prints entry, race, bib, names, email, date of birth, emergency phone, club and wave.</summary>
public sealed record RaceEntry(
    string EntryId,
    string RaceId,
    string BibNumber,
    string FirstName,
    string LastName,
    string Email,
    DateOnly DateOfBirth,
    string? EmergencyContactPhone,
    string? ClubName,
    string Wave);

/// <summary>A chip read at a timing mat. Prints bib, timing point, time and reader.</summary>
public sealed record ChipRead(string BibNumber, string TimingPointId, DateTimeOffset At, string ReaderId);

/// <summary>A finisher's result. Prints bib, full name, times, positions and category.</summary>
public sealed record RaceResult(string BibNumber, string FullName, TimeSpan ChipTime, TimeSpan GunTime, int OverallPosition, string Category, int CategoryPosition);

public interface IRaceEntryService
{
    Task<RaceEntry> EnterAsync(string raceId, string firstName, string lastName, string email, DateOnly dateOfBirth, string? clubName, CancellationToken cancellationToken = default);

    Task<IReadOnlyList<RaceEntry>> EntriesAsync(string raceId, CancellationToken cancellationToken = default);

    Task<RaceEntry?> FindByBibAsync(string raceId, string bibNumber, CancellationToken cancellationToken = default);
}

/// <summary>Publishes results to the public results site; not telemetry.</summary>
public interface IResultsPublisher
{
    Task PublishAsync(string raceId, IReadOnlyList<RaceResult> results, CancellationToken cancellationToken = default);
}

/// <summary>The race is full; quotes the race and its capacity.</summary>
public sealed class EntryCapReachedException(string raceId, int capacity) : Exception($"Race {raceId} is full ({capacity} places)")
{
    public string RaceId { get; } = raceId;
}

/// <summary>This email already has an entry; quotes the email.</summary>
public sealed class DuplicateEntryException(string raceId, string email) : Exception($"{email} already has an entry for {raceId}")
{
    public string RaceId { get; } = raceId;
}

/// <summary>A chip read for a bib with no entry; quotes the bib and the timing point.</summary>
public sealed class UnknownBibException(string bibNumber, string timingPointId) : Exception($"No entry for bib {bibNumber} at {timingPointId}")
{
    public string TimingPointId { get; } = timingPointId;
}
