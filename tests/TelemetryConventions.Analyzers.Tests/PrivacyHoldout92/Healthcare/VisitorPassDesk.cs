namespace PrivacyHoldout92.Healthcare;

/// <summary>A visitor signing in at a ward's reception, as the receptionist types it.</summary>
public sealed record VisitorSignIn(string VisitorName, string Mobile, string PatientHospitalNumber, string Ward, string Relationship);

/// <summary>The pass issued: the reusable badge handed over and the visiting window.</summary>
public sealed record VisitorPass(Guid PassId, string BadgeNumber, string Ward, DateTimeOffset ValidUntil);

/// <summary>Thrown when the ward is closed to visitors: <c>Ward {ward} is closed to visitors until {time}.</c></summary>
public sealed class WardClosedToVisitorsException(string ward, DateTimeOffset until)
    : Exception($"Ward {ward} is closed to visitors until {until:HH:mm}.");

/// <summary>Thrown when a visitor is on the ward's barred list: <c>{name} may not visit {ward}.</c></summary>
public sealed class VisitorBarredException(string visitorName, string ward)
    : Exception($"{visitorName} may not visit {ward}.");

public interface IVisitorRegister
{
    Task<string> AssignBadgeAsync(string ward, CancellationToken cancellationToken);

    Task CheckAllowedAsync(VisitorSignIn signIn, CancellationToken cancellationToken);

    Task<int> VisitorsOnWardAsync(string ward, CancellationToken cancellationToken);
}

public interface ISmsSender
{
    Task SendAsync(string mobile, string text, CancellationToken cancellationToken);
}

/// <summary>Ward reception: visitors sign in, get a reusable badge and, if they want, the pass as a text message.</summary>
public sealed partial class VisitorPassDesk(IVisitorRegister register, ISmsSender sms, Pseudonymizer pseudonymizer, ILogger<VisitorPassDesk> logger)
{
    private static readonly ActivitySource Source = new("Hospital.Visitors");

    public async Task<VisitorPass?> IssueAsync(VisitorSignIn signIn, CancellationToken cancellationToken)
    {
        using var span = Source.StartCheckinVisitorPass(signIn.Ward);
        using var scope = logger.BeginScope(new Dictionary<string, object> { ["Ward"] = signIn.Ward, ["Visitor"] = signIn.VisitorName }); // leak TC1001 logging-objects
        try
        {
            await register.CheckAllowedAsync(signIn, cancellationToken);
        }
        catch (WardClosedToVisitorsException ex)
        {
            span.SetCheckinOutcome("ward-closed").RecordException(ex, includeMessage: true); // clean exceptions
            return null;
        }
        catch (VisitorBarredException ex)
        {
            logger.LogWarning(ex, "Visitor refused at {Ward}", signIn.Ward); // leak TC1001 exceptions
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogCheckinRejectedEvent(checkinOutcome: "barred", checkinPatientId: pseudonymizer.PseudonymizeCheckinPatientId(signIn.PatientHospitalNumber), checkinNote: ex.Message); // leak TC1001 exceptions
            return null;
        }

        var badge = await register.AssignBadgeAsync(signIn.Ward, cancellationToken);
        var pass = new VisitorPass(Guid.NewGuid(), badge, signIn.Ward, DateTimeOffset.UtcNow.Date.AddHours(20));
        span.SetCheckinPassNumber(badge); // clean precision-names
        span.SetCheckinPatientId(pseudonymizer.PseudonymizeCheckinPatientId(signIn.PatientHospitalNumber)); // clean precision-pseudonym
        logger.LogInformation("Issued {@Pass}", pass); // clean logging-objects
        LogVisitorFor(logger, signIn.Relationship, signIn.PatientHospitalNumber); // clean logging-objects
        LogVisitorForUnclassified(logger, signIn.Relationship, signIn.PatientHospitalNumber); // leak TC1001 logging-objects
        span.Activity?.SetTag(CheckinAttributes.VisitorContact, signIn.Mobile); // leak TC1001 generated-api
        span.Activity?.SetTag("checkin.visitor.mobile_given", !string.IsNullOrWhiteSpace(signIn.Mobile)); // clean precision-about

        if (!string.IsNullOrWhiteSpace(signIn.Mobile))
        {
            await sms.SendAsync(signIn.Mobile, $"Visitor pass {badge} for {signIn.Ward}, valid until 20:00.", cancellationToken);
            logger.LogInformation("Pass texted to {Mobile}", signIn.Mobile); // leak TC1001 direct
            logger.LogInformation("Pass texted to a number starting {Prefix}", signIn.Mobile[..3]); // clean precision-about
        }

        var onWard = await register.VisitorsOnWardAsync(signIn.Ward, cancellationToken);
        span.Activity?.SetTag("checkin.visitors_on_ward", onWard); // clean precision-about
        span.SetCheckinNote($"badge {badge} for {signIn.VisitorName}"); // leak TC1001 generated-api
        return pass;
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Visitor ({Relationship}) for patient {HospitalNumber}")]
    private static partial void LogVisitorFor(ILogger logger, string relationship, [PrivateData] string hospitalNumber);

    [LoggerMessage(Level = LogLevel.Information, Message = "Visitor ({Relationship}) for patient {HospitalNumber}")]
    private static partial void LogVisitorForUnclassified(ILogger logger, string relationship, string hospitalNumber);
}
