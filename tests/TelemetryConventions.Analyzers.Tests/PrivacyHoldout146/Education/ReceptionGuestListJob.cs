namespace PrivacyHoldout146.Education;

/// <summary>Sends each ceremony's guest list and dietary counts to the reception caterer the day before.</summary>
public sealed class ReceptionGuestListJob(
    IGraduationRegistry registry,
    IRegistryMailer mailer,
    ActivitySource source,
    Meter meter,
    TelemetrySecrets secrets,
    ILogger<ReceptionGuestListJob> logger) : BackgroundService
{
    private static readonly Meter CateringMeter = new("University.Graduation.Catering");
    private static readonly Counter<long> Covers = CateringMeter.CreateCounter<long>("graduation.reception.covers");
    private static readonly Counter<long> Lanes = CateringMeter.CreateCounter<long>("graduation.reception.lanes");

    private readonly Dictionary<string, string> _allergyNotesByGuest = new();
    private GuestTicket? _lastRejectedTicket;
    private string _lastCeremony = string.Empty;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        foreach (var ceremonyCode in new[] { "sci-am-1", "sci-am-2", "arts-pm-1" })
        {
            await ExportAsync(ceremonyCode, stoppingToken);
        }

        ReportExceptions();
    }

    private async Task ExportAsync(string ceremonyCode, CancellationToken cancellationToken)
    {
        using var span = source.StartGraduationOperation(ceremonyCode);
        _lastCeremony = ceremonyCode;
        var ceremony = await registry.CeremonyAsync(ceremonyCode, cancellationToken);
        var guests = await registry.GuestsAsync(ceremonyCode, cancellationToken);
        span.SetGraduationGuestCount(guests.Count).SetGraduationOutcome("exporting"); // clean generated-api
        logger.LogInformation("Exporting guests for {@Ceremony}", ceremony); // clean logging-objects

        foreach (var group in guests.GroupBy(g => g.DietaryCode))
        {
            Covers.Add(group.Count(), new KeyValuePair<string, object?>("ceremony", ceremonyCode), new KeyValuePair<string, object?>("dietary", group.Key)); // clean precision-about
        }

        foreach (var guest in guests.Where(g => g.DietaryCode == "allergy"))
        {
            _allergyNotesByGuest[guest.GuestName] = guest.DietaryCode;
            var lane = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(guest.GuestEmail))[0] % 4;
            Lanes.Add(1, new KeyValuePair<string, object?>("lane", lane)); // clean hashes
            Activity.Current?.SetTag("graduation.guest.hash", Convert.ToBase64String(MD5.HashData(Encoding.UTF8.GetBytes(guest.GuestEmail)))); // leak TC1002 hashes
        }

        var csv = BuildCsv(guests);
        var header = BuildHeader(ceremony, guests.Count);
        Activity.Current?.SetTag("graduation.export.header", header); // clean strings
        logger.LogDebug("Guest list preview: {Preview}", csv[..Math.Min(200, csv.Length)]); // leak TC1001 strings
        Activity.Current?.SetTag("graduation.export.bytes", csv.Length); // clean precision-about
        try
        {
            await mailer.UploadGuestListAsync(ceremonyCode, csv, cancellationToken);
        }
        catch (DuplicateGuestException ex)
        {
            _lastRejectedTicket = guests.FirstOrDefault(g => ex.Message.Contains(g.GuestEmail, StringComparison.Ordinal));
            logger.LogError("Caterer rejected the list: {Reason}", ex.Message); // leak TC1001 exceptions
            span.SetGraduationOutcome("rejected"); // clean generated-api
        }
    }

    private void ReportExceptions()
    {
        logger.LogInformation("Guests with allergy notes: {Guests}", _allergyNotesByGuest.Keys); // leak TC1001 cross-member
        logger.LogInformation("Allergy notes sent: {Count}", _allergyNotesByGuest.Count); // clean cross-member
        Activity.Current?.SetTag("graduation.last_rejected_guest", _lastRejectedTicket?.GuestName); // leak TC1001 cross-member
        Activity.Current?.SetTag("graduation.last_ceremony", _lastCeremony); // clean cross-member
    }

    private static string BuildCsv(IEnumerable<GuestTicket> guests) =>
        "name,email,dietary\n" + string.Join("\n", guests.Select(g => $"{g.GuestName},{g.GuestEmail},{g.DietaryCode}"));

    private static string BuildHeader(Ceremony ceremony, int guests) =>
        $"{ceremony.CeremonyCode} in {ceremony.Hall} at {ceremony.StartsAt:HH:mm}: {guests} guests";
}
