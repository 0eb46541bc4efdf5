namespace PrivacyHoldout173.Healthcare;

/// <summary>Consumes RSVPs to the trust's staff awards dinner from the intranet topic (keyed by staff number).</summary>
public sealed partial class StaffDinnerRsvpConsumer(
    IConsumer<string, StaffDinnerRsvp> consumer,
    ILogger<StaffDinnerRsvpConsumer> logger,
    Pseudonymizer pseudonymizer) : BackgroundService
{
    private static readonly ActivitySource Source = new("Trust.Events.AwardsDinner");
    private static readonly Meter Meter = new("Trust.Events.AwardsDinner");
    private static readonly Counter<long> Rsvps = Meter.CreateCounter<long>("awards_dinner.rsvps");

    private readonly Dictionary<string, string> _dietaryNotesByStaff = new();
    private int _declined;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            var result = consumer.Consume(stoppingToken);
            if (result is null)
            {
                await Task.Delay(500, stoppingToken);
                continue;
            }

            using var activity = Source.StartActivity("awards_dinner.rsvp");
            activity?.SetTag("messaging.kafka.message.key", result.Message.Key); // leak TC1001 direct
            activity?.SetTag("messaging.kafka.partition", result.Partition); // clean precision-names
            activity?.SetTag("messaging.kafka.offset", result.Offset); // clean precision-names

            var rsvp = result.Message.Value;
            Handle(rsvp, activity);
            consumer.Commit(result);
        }
    }

    private void Handle(StaffDinnerRsvp rsvp, Activity? activity)
    {
        activity?.SetTag("awards_dinner.directorate", rsvp.Directorate); // clean precision-about
        activity?.SetTag("awards_dinner.diet", rsvp.DietCode); // clean precision-about
        Rsvps.Add(1, new TagList { { "directorate", rsvp.Directorate }, { "diet", rsvp.DietCode } }); // clean precision-about

        if (!rsvp.Attending)
        {
            _declined++;
            LogDeclined(logger, rsvp.Name, rsvp.Directorate); // clean logging-objects
            return;
        }

        if (!string.IsNullOrWhiteSpace(rsvp.DietaryNote))
        {
            _dietaryNotesByStaff[rsvp.StaffNumber] = rsvp.DietaryNote;
            LogDietaryNote(logger, rsvp.StaffNumber, rsvp.DietaryNote); // leak TC1001 logging-objects
            activity?.SetTag("awards_dinner.dietary_note.length", rsvp.DietaryNote.Length); // clean precision-about
        }

        var staff = pseudonymizer.PseudonymizeWardeventsGuestId(rsvp.StaffNumber);
        activity?.SetBaggage("staff", staff.Value); // clean precision-pseudonym
        using (logger.BeginScope(new Dictionary<string, object> { ["StaffNumber"] = rsvp.StaffNumber })) // leak TC1001 direct
        {
            logger.LogInformation("RSVP accepted for the awards dinner"); // clean direct
        }
    }

    public void ReportToCaterer()
    {
        logger.LogInformation("Dietary notes to pass on: {Notes}", _dietaryNotesByStaff); // leak TC1001 cross-member
        logger.LogInformation("{Count} dietary notes, {Declined} declined", _dietaryNotesByStaff.Count, _declined); // clean cross-member
        Activity.Current?.SetBaggage("awards_dinner.first_dietary_note_staff", _dietaryNotesByStaff.Keys.FirstOrDefault()); // leak TC1001 cross-member
    }

    public void Seat(StaffDinnerRsvp rsvp, int tableNumber, int taken, int seats)
    {
        try
        {
            if (taken >= seats)
            {
                throw new TableFullException(tableNumber, taken);
            }
            logger.LogInformation("{Name} seated at table {Table}", rsvp.Name, tableNumber); // leak TC1001 direct
        }
        catch (TableFullException ex)
        {
            logger.LogWarning(ex, "Table {Table} full", tableNumber); // clean exceptions
            Activity.Current?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
            logger.LogWardeventsOperationFailedEvent("awards-hall", "table_full", wardeventsGuestId: pseudonymizer.PseudonymizeWardeventsGuestId(rsvp.StaffNumber)); // clean generated-api
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "{Name} of {Directorate} declined the awards dinner")]
    private static partial void LogDeclined(ILogger logger, [PrivateData] string name, string directorate);

    [LoggerMessage(Level = LogLevel.Information, Message = "Staff {StaffNumber} asks for: {Note}")]
    private static partial void LogDietaryNote(ILogger logger, string staffNumber, string note);
}
