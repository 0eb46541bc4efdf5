namespace PrivacyHoldout136.Education;

public sealed record KioskSignIn(string FullName, string Email, string? Mobile, string Company, string HostStaffId, string? CarRegistration, bool DbsChecked, string Purpose);

public sealed record CollectionSignIn(string StudentNumber, string CollectorName, string Relationship, string Password);

/// <summary>The reception kiosk at a school: visitor and contractor sign-in, badge printing, host notification and early collection of pupils.</summary>
public static class SchoolVisitorSignInEndpoints
{
    public static void Map(EndpointRoutes routes) =>
        routes.MapPost("/reception/sign-in", SignInAsync)
              .MapPost("/reception/collection", CollectAsync)
              .MapGet("/reception/roll-call/{siteId}", RollCallAsync);

    private static async Task<object> SignInAsync(
        KioskSignIn form,
        IVisitorLog visitors,
        IWatchlistScreen watchlist,
        IBadgePrinter printer,
        IHostNotifier notifier,
        ILogger<KioskSignIn> logger,
        ActivitySource activitySource,
        Pseudonymizer pseudonymizer,
        CancellationToken cancellationToken)
    {
        using var span = activitySource.StartCampusgateAccess("st-marys-primary");
        span.SetCampusgateZone("reception"); // clean precision-names
        span.SetCampusgateStaffId(pseudonymizer.PseudonymizeCampusgateStaffId(form.HostStaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("visitor.company", form.Company); // clean precision-names
        span.Activity?.SetTag("visitor.purpose", form.Purpose); // clean precision-names
        span.Activity?.SetTag("visitor.dbs_checked", form.DbsChecked); // clean precision-about
        span.Activity?.SetTag("visitor.has_vehicle", form.CarRegistration is not null); // clean precision-about

        try
        {
            await watchlist.ScreenAsync(form.FullName, form.Company, cancellationToken);
        }
        catch (WatchlistMatchException ex)
        {
            logger.LogCritical(ex, "Watchlist match at reception"); // leak TC1001 exceptions
            span.SetCampusgateOutcome("watchlist"); // clean precision-names
            span.Activity?.SetTag("visitor.watchlist", ex.ListCode); // clean exceptions
            return new BadRequestResult("Please wait for a member of staff.");
        }

        var signIn = new VisitorSignIn(Guid.NewGuid().ToString("N"), form.FullName, form.Email, form.Mobile, form.Company, form.HostStaffId, form.CarRegistration, DateTimeOffset.UtcNow);
        var visitId = await visitors.RecordAsync(signIn, cancellationToken);
        span.Activity?.SetTag("visitor.visit_id", visitId); // clean precision-names
        logger.LogInformation("Visitor signed in {@SignIn}", signIn); // leak TC1001 logging-objects
        if (form.CarRegistration is { } reg)
        {
            span.Activity?.AddEvent(new ActivityEvent("visitor.vehicle", tags: new ActivityTagsCollection { ["vrm"] = reg })); // leak TC1001 direct
        }

        var badge = new VisitorBadge($"V{Random.Shared.Next(10000):D4}", visitId, form.FullName, form.DbsChecked ? "unescorted" : "escorted", DateTimeOffset.UtcNow.Date.AddHours(17));
        try
        {
            await printer.PrintAsync(badge, cancellationToken);
        }
        catch (BadgePrinterException ex)
        {
            logger.LogWarning(ex, "Badge printer {PrinterId} failed", ex.PrinterId); // clean exceptions
        }

        logger.LogInformation("Badge {BadgeZone} valid until {ValidUntil}", badge.Zone, badge.ValidUntil); // clean precision-names
        span.Activity?.SetTag("visitor.badge_label", $"{badge.BadgeNumber}-{form.FullName.Split(' ')[0]}"); // leak TC1001 strings
        span.SetCampusgateNote("badge printed for " + badge.PrintedName); // leak TC1001 strings

        var message = $"{form.FullName} from {form.Company} is waiting at reception";
        await notifier.NotifyAsync(new HostNotification($"{form.HostStaffId}@stmarys.sch.uk", message), cancellationToken);
        logger.LogDebug("Host notified: {Message}", message); // leak TC1001 strings
        return new OkResult(new { visitId, badge.BadgeNumber });
    }

    private static async Task<object> CollectAsync(CollectionSignIn form, ILogger<CollectionSignIn> logger, ActivitySource activitySource, Pseudonymizer pseudonymizer, CancellationToken cancellationToken)
    {
        await Task.Yield();
        using var activity = activitySource.StartActivity("reception.collection");
        activity?.SetTag("campusgate.holder.id", pseudonymizer.PseudonymizeCampusgateHolderId(form.StudentNumber).ToString()); // clean precision-pseudonym
        activity?.SetTag("collection.relationship", form.Relationship); // clean precision-names
        activity?.SetTag("collection.collector", form.CollectorName); // leak TC1001 direct
        activity?.SetTag("collection.password_length", form.Password.Length); // clean precision-about
        logger.LogInformation("Pupil {StudentNumber} collected early by {Relationship}", form.StudentNumber, form.Relationship); // leak TC1001 direct
        return new OkResult(null);
    }

    private static async Task<object> RollCallAsync(string siteId, IVisitorLog visitors, ILogger<CollectionSignIn> logger, CancellationToken cancellationToken)
    {
        var rollCall = await visitors.RollCallAsync(siteId, cancellationToken);
        logger.LogWarning("Fire roll call {@RollCall}", rollCall); // clean logging-objects
        var onSite = await visitors.OnSiteAsync(siteId, cancellationToken);
        logger.LogWarning("Visitors on site: {Names}", onSite.Select(v => v.FullName).ToArray()); // leak TC1001 logging-objects
        logger.LogWarning("Visitor companies on site: {Companies}", onSite.Select(v => v.Company).Distinct().ToArray()); // clean logging-objects
        return new OkResult(rollCall);
    }
}
