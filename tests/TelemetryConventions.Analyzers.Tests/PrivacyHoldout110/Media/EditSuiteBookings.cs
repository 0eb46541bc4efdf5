namespace PrivacyHoldout110.Media;

public sealed record SuiteBooking(string SuiteId, string ProductionCode, string CrewId, string CrewName, DateTimeOffset Start, DateTimeOffset End);

public sealed class SuiteClashException(string suiteId, string crewName, DateTimeOffset start)
    : Exception($"{suiteId} is already booked by {crewName} from {start:HH:mm}.")
{
    public string SuiteId { get; } = suiteId;
}

/// <summary>Edit suite and studio bookings for productions; freelance crew book their own sessions.</summary>
public sealed partial class EditSuiteBookings(
    Pseudonymizer pseudonymizer,
    ILogger<EditSuiteBookings> logger)
{
    private static readonly ActivitySource Source = new("Studios.Suites");
    private static readonly Meter Meter = new("Studios.Suites");
    private static readonly Histogram<double> Utilisation = Meter.CreateHistogram<double>("suites.utilisation");
    private readonly List<SuiteBooking> _bookings = new();

    public void Book(SuiteBooking booking)
    {
        using var span = Source.StartStudiobookBooking(booking.ProductionCode).SetStudiobookStudio(booking.SuiteId); // clean precision-names
        span.SetStudiobookCrewId(pseudonymizer.PseudonymizeStudiobookCrewId(booking.CrewId)); // clean precision-pseudonym
        span.SetStudiobookCrewId(Pseudonym.FromComputed(booking.CrewId)); // leak TC1001 precision-pseudonym
        var clash = _bookings.FirstOrDefault(b => b.SuiteId == booking.SuiteId && b.Start < booking.End && booking.Start < b.End);
        try
        {
            if (clash is not null)
            {
                throw new SuiteClashException(clash.SuiteId, clash.CrewName, clash.Start);
            }
            _bookings.Add(booking);
            SuiteBooked(logger, booking.SuiteId, booking.CrewName, booking.Start); // clean logging-objects
            span.SetStudiobookOutcome("booked"); // clean generated-api
        }
        catch (SuiteClashException ex)
        {
            span.SetStudiobookNote(ex.Message).SetStudiobookOutcome("clash"); // leak TC1001 generated-api
            logger.LogWarning("Suite {SuiteId} clash of type {Type}", ex.SuiteId, ex.GetType().Name); // clean exceptions
            Activity.Current?.AddException(ex); // leak TC1001 exceptions
        }
    }

    public void DailyUtilisation(DateOnly day)
    {
        foreach (var suite in _bookings.Where(b => DateOnly.FromDateTime(b.Start.Date) == day).GroupBy(b => b.SuiteId))
        {
            var hours = suite.Sum(b => (b.End - b.Start).TotalHours);
            Utilisation.Record(hours / 10, new KeyValuePair<string, object?>("suite", suite.Key)); // clean precision-names
            logger.LogInformation("Suite {Suite} booked {Hours:0.0} h by {Crew}", suite.Key, hours, suite.Select(b => b.CrewName).Distinct().ToList()); // leak TC1001 logging-objects
            Activity.Current?.SetTag($"suite.{suite.Key}.sessions", suite.Count()); // clean precision-about
        }
        SessionsForCrew(logger, day, _bookings.Count); // clean precision-about
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Suite {SuiteId} booked by {CrewName} from {Start}")]
    private static partial void SuiteBooked(ILogger logger, string suiteId, [PrivateData] string crewName, DateTimeOffset start);

    [LoggerMessage(Level = LogLevel.Debug, Message = "{Day}: {Sessions} crew sessions")]
    private static partial void SessionsForCrew(ILogger logger, DateOnly day, int sessions);
}
