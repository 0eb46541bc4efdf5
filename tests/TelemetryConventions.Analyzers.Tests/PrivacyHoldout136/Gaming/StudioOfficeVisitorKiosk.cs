namespace PrivacyHoldout136.Gaming;

public sealed record PlaytestVisitor(string FullName, string Email, string DiscordHandle, DateOnly DateOfBirth, string NdaVersion, string HostStaffId);

/// <summary>The studio's office kiosk: playtesters and visitors sign the NDA, get a badge and are let through the office turnstile.</summary>
public sealed class StudioOfficeVisitorKiosk(
    IVisitorLog visitors,
    IBadgePrinter printer,
    IAccessControlClient accessControl,
    ILogger<StudioOfficeVisitorKiosk> logger,
    ActivitySource activitySource,
    Pseudonymizer pseudonymizer)
{
    public async Task SignInAsync(PlaytestVisitor visitor, CancellationToken cancellationToken)
    {
        using var span = activitySource.StartArenagateAccess("studio-hq");
        span.SetArenagateStaffId(pseudonymizer.PseudonymizeArenagateStaffId(visitor.HostStaffId)); // clean precision-pseudonym
        span.Activity?.SetTag("kiosk.nda_version", visitor.NdaVersion); // clean precision-names
        var age = DateTime.Today.Year - visitor.DateOfBirth.Year;
        span.Activity?.SetTag("kiosk.visitor.adult", age >= 18); // clean precision-about
        span.Activity?.SetTag("kiosk.visitor.discord", visitor.DiscordHandle); // leak TC1001 direct

        var signIn = new VisitorSignIn(Guid.NewGuid().ToString("N"), visitor.FullName, visitor.Email, null, "playtest", visitor.HostStaffId, null, DateTimeOffset.UtcNow);
        var visitId = await visitors.RecordAsync(signIn, cancellationToken);
        span.Activity?.SetTag(ArenagateAttributes.Contact, visitor.Email); // leak TC1001 generated-api
        logger.LogInformation("Playtester {VisitId} signed NDA {NdaVersion}", visitId, visitor.NdaVersion); // clean precision-names

        try
        {
            await printer.PrintAsync(new VisitorBadge($"PT-{visitId[..6]}", visitId, visitor.FullName, "playtest-lab", DateTimeOffset.UtcNow.AddHours(6)), cancellationToken);
            await accessControl.GrantAsync(visitId, "playtest-lab", DateTimeOffset.UtcNow.AddHours(6), cancellationToken);
        }
        catch (BadgePrinterException ex)
        {
            span.RecordException(ex, includeMessage: true); // clean exceptions
        }
        catch (Exception ex)
        {
            span.Activity?.AddException(ex); // clean exceptions
        }

        using (logger.BeginScope(new { visitor.Email, visitor.NdaVersion })) // leak TC1001 logging-objects
        {
            logger.LogInformation("Playtest lab access granted"); // clean precision-names
        }
    }
}
