namespace PrivacyHoldout179.Media;

/// <summary>The studio centre's guest desk: guests for live programmes, their badges and photos, and the watch list.</summary>
public static partial class StudioGuestDeskEndpoints
{
    private static readonly ActivitySource Source = new("Broadcast.GuestDesk");
    private static readonly Meter Meter = new("Broadcast.GuestDesk");
    private static readonly Counter<long> Badges = Meter.CreateCounter<long>("guestdesk.badges.printed");
    private static readonly NewsroomdeskOperationsCounter Operations = Meter.CreateNewsroomdeskOperationsCounter();

    public static void Map(EndpointRoutes routes)
    {
        routes.MapPost("/guest-desk/arrivals", async (StudioGuest guest, KioskSignIn signIn, ILogger<StudioGuest> logger, IWatchListScreen watchList, Pseudonymizer pseudonymizer) =>
        {
            using var span = Source.StartNewsroomdeskOperation(guest.Studio);
            span.SetNewsroomdeskVisitorId(pseudonymizer.PseudonymizeNewsroomdeskVisitorId(guest.GuestId)); // clean precision-pseudonym
            span.SetNewsroomdeskVisitType("studio_guest"); // clean precision-names
            span.Activity?.SetTag("guestdesk.programme", guest.Programme); // clean precision-names
            span.Activity?.SetTag("guestdesk.guest.name", guest.GuestName); // leak TC1001 direct
            span.Activity?.SetTag("guestdesk.agent.email", guest.AgentEmail); // leak TC1001 direct
            span.Activity?.SetTag("guestdesk.agent.domain", guest.AgentEmail[(guest.AgentEmail.IndexOf('@') + 1)..]); // clean precision-about
            span.Activity?.SetTag("guestdesk.photo.bytes", signIn.Photo.Length); // clean precision-about
            span.Activity?.SetTag("guestdesk.photo", Convert.ToBase64String(signIn.Photo)); // leak TC1001 direct
            span.Activity?.SetTag("guestdesk.badge.type", signIn.BadgeType); // clean precision-names
            span.SetNewsroomdeskNote("Guest " + guest.GuestName + " for " + guest.Programme); // leak TC1001 generated-api
            span.SetNewsroomdeskNote("Guest for " + guest.Programme + " in " + guest.Studio); // clean generated-api

            logger.LogInformation("Kiosk sign-in {SignIn}", signIn); // leak TC1001 logging-objects
            logger.LogInformation("Kiosk sign-in {Visit}", new VisitSummary(signIn.VisitId, signIn.Site, signIn.BadgeType, 0)); // clean logging-objects
            logger.LogInformation("Guest arrived: " + guest.GuestName); // leak TC1001 strings
            logger.LogInformation("Guest arrived for " + guest.Programme); // clean strings

            var hit = await watchList.ScreenAsync(guest.GuestName);
            if (hit is not null)
            {
                logger.LogWarning("Watch list entry {Entry} matched {Name}", hit.ListEntryId, hit.MatchedName); // leak TC1001 direct
                logger.LogWarning("Watch list entry {Entry} matched with score {Score}", hit.ListEntryId, hit.Score); // clean precision-names
                logger.LogNewsroomdeskOperationFailedEvent(guest.Studio, "watchlist", null, $"Entry {hit.ListEntryId}"); // clean generated-api
                logger.LogNewsroomdeskOperationFailedEvent(guest.Studio, "watchlist", null, $"Entry {hit.ListEntryId}: {hit.MatchedName}"); // leak TC1001 generated-api
                Operations.Add(1, guest.Studio, hit.MatchedName); // leak TC1003 generated-api
                return (object)"escalated";
            }

            var badge = new BadgePrint("B-" + Random.Shared.Next(1000, 9999), signIn.Site, "tpl-badge-v4");
            logger.LogInformation("Badge printed {Badge}", badge); // clean logging-objects
            Badges.Add(1, new KeyValuePair<string, object?>("badge.number", badge.BadgeNumber)); // clean precision-names
            Badges.Add(1, new KeyValuePair<string, object?>("guest", guest.GuestId)); // leak TC1003 direct
            Operations.Add(1, guest.Studio, "badged"); // clean generated-api
            return badge.BadgeNumber;
        });
    }
}
