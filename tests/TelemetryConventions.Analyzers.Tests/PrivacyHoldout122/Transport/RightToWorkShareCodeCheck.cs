namespace PrivacyHoldout122.Transport;

/// <summary>The Home Office's answer to a share code check.</summary>
public sealed record RightToWorkResult(string ShareCode, string Status, DateOnly? ValidUntil, string? Conditions, string FullName);

/// <summary>The share code was refused. Its message quotes the code and the candidate's date of birth sent with it.</summary>
public sealed class ShareCodeRejectedException(string shareCode, DateOnly dateOfBirth)
    : Exception($"Share code {shareCode} with date of birth {dateOfBirth:yyyy-MM-dd} was not recognised");

/// <summary>Checks a driver candidate's right to work from their share code before the offer is confirmed.</summary>
public sealed class RightToWorkShareCodeCheck(Func<string, DateOnly, Task<RightToWorkResult>> homeOffice, Pseudonymizer pseudonymizer, ActivitySource source, ILogger<RightToWorkShareCodeCheck> logger)
{
    public async Task<bool> CheckAsync(DriverCandidate candidate, DateOnly dateOfBirth)
    {
        using var activity = source.StartActivity("driver.right_to_work");
        activity?.SetTag("rtw.depot", candidate.Depot); // clean precision-names
        try
        {
            var result = await homeOffice(candidate.RightToWorkShareCode, dateOfBirth);
            activity?.SetTag("rtw.status", result.Status); // clean precision-about
            activity?.SetTag("rtw.time_limited", result.ValidUntil is not null); // clean precision-about
            activity?.SetTag("rtw.holder", result.FullName); // leak TC1001 cross-member
            logger.LogInformation("Right to work {Result}", result); // leak TC1001 logging-objects
            logger.LogInformation("Right to work {Status} for {Driver}", result.Status, pseudonymizer.ComputeRideridvRiderId(candidate.StaffNumber)); // clean precision-pseudonym
            return result.Status == "valid";
        }
        catch (ShareCodeRejectedException ex)
        {
            activity?.AddException(ex); // leak TC1001 exceptions
            logger.LogWarning(ex, "Share code refused for {Driver}", pseudonymizer.ComputeRideridvRiderId(candidate.StaffNumber)); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, nameof(ShareCodeRejectedException)); // clean exceptions
            return false;
        }
    }
}
