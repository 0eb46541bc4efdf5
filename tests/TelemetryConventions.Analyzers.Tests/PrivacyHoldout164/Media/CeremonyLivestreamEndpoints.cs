namespace PrivacyHoldout164.Media;

public sealed record StreamShoutOut(Guid ShoutOutId, string CeremonyId, string ViewerName, string ViewerEmail, string Message);

public sealed record GuestCheckIn(Guid TicketId, string CeremonyId, string GuestName, string Door);

/// <summary>The ceremony livestream's minimal API: viewers' shout-outs for the graduands and guest check-in at the doors.</summary>
public static class CeremonyLivestreamEndpoints
{
    private static readonly ActivitySource Source = new("Broadcast.Graduation.Livestream");
    private static readonly Meter Meter = new("Broadcast.Graduation.Livestream");
    private static readonly Counter<long> ShoutOuts = Meter.CreateCounter<long>("livestream.shoutouts");
    private static readonly UpDownCounter<long> Inside = Meter.CreateUpDownCounter<long>("venue.guests.inside");

    public static EndpointRoutes MapLivestream(this EndpointRoutes routes) =>
        routes
            .MapPost("/livestream/shout-outs", (StreamShoutOut shoutOut, ILoggerFactory loggers, Pseudonymizer pseudonymizer) =>
            {
                var logger = loggers.CreateLogger("Livestream");
                using var span = Source.StartGradcastOperation("venue-great-hall");
                span.SetGradcastProgramme(shoutOut.CeremonyId); // clean generated-api
                span.SetGradcastNote(shoutOut.Message); // leak TC1001 generated-api
                Activity.Current?.SetTag(GradcastAttributes.Contact, shoutOut.ViewerEmail); // leak TC1001 generated-api
                Activity.Current?.SetTag("shoutout.length", shoutOut.Message.Length); // clean precision-about
                Activity.Current?.SetTag("shoutout.viewer", shoutOut.ViewerName); // leak TC1001 direct
                logger.LogInformation("Shout-out {ShoutOutId} for {Ceremony}", shoutOut.ShoutOutId, shoutOut.CeremonyId); // clean precision-names
                logger.LogInformation("Shout-out from {Viewer}: {Message}", shoutOut.ViewerName, shoutOut.Message); // leak TC1001 direct
                ShoutOuts.Add(1, new KeyValuePair<string, object?>("ceremony", shoutOut.CeremonyId)); // clean direct
                ShoutOuts.Add(1, new KeyValuePair<string, object?>("viewer", pseudonymizer.Pseudonymize("viewer.email", shoutOut.ViewerEmail).Value)); // leak TC1003 precision-pseudonym
                return shoutOut.ShoutOutId;
            })
            .MapPost("/venue/check-ins", (GuestCheckIn checkIn, ILoggerFactory loggers) =>
            {
                var logger = loggers.CreateLogger("Venue");
                using var activity = Source.StartActivity("venue.check_in");
                activity?.SetTag("venue.door", checkIn.Door); // clean direct
                activity?.SetTag("venue.ticket", checkIn.TicketId); // clean precision-names
                activity?.SetTag("venue.guest", checkIn.GuestName); // leak TC1001 direct
                activity?.SetTag("venue.guest_initial", checkIn.GuestName[..1]); // clean precision-about
                var label = string.Format(CultureInfo.InvariantCulture, "{0}@{1}", checkIn.GuestName, checkIn.Door);
                logger.LogDebug("Check-in {Label}", label); // leak TC1001 strings
                logger.LogDebug("Check-in at {Door} for {Ceremony}", checkIn.Door, checkIn.CeremonyId); // clean strings
                Inside.Add(1, new KeyValuePair<string, object?>("door", checkIn.Door)); // clean precision-about
                return "ok";
            });
}
