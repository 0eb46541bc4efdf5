namespace PrivacyHoldout116.Education;

public sealed record OtpRequest(string MobileNumber, string SchoolUrn, string DeviceId);

public sealed record AdmissionsEnquiry(string ParentName, string ParentEmail, string ChildName, string SchoolUrn, int YearGroup, string CaptchaToken);

public sealed class OtpRateLimitedException(string mobileNumber, int sent)
    : Exception($"{sent} codes already sent to {mobileNumber} in the last hour.");

/// <summary>
/// The parent app's sign-in: one-time codes by SMS limited per mobile number, password sign-in with a
/// lockout (usernames are parents' emails), and a CAPTCHA on the public admissions enquiry form.
/// </summary>
public sealed partial class ParentAppSignIn(
    ILogger<ParentAppSignIn> logger,
    ICounterStore counters,
    IUserManager users,
    ICaptchaVerifier captcha,
    Meter meter,
    Pseudonymizer pseudonymizer,
    AbuseOptions options)
{
    private static readonly ActivitySource Source = new("ParentApp.SignIn");
    private readonly Counter<long> _otpRejected = meter.CreateCounter<long>("parentapp.otp.rejected");

    public async Task<bool> SendCodeAsync(OtpRequest otp)
    {
        using var span = Source.StartLearnguardThrottle("otp-sms");
        span.SetLearnguardSchool(otp.SchoolUrn).SetLearnguardPartitionKind("phone"); // clean precision-names
        var sent = await counters.IncrementAsync($"otp:{otp.MobileNumber}", TimeSpan.FromHours(1));
        try
        {
            if (sent > 5)
            {
                throw new OtpRateLimitedException(otp.MobileNumber, (int)sent - 1);
            }
        }
        catch (OtpRateLimitedException ex)
        {
            span.SetLearnguardOutcome("throttled").SetLearnguardNote(ex.Message); // leak TC1001 generated-api
            logger.LogWarning("OTP throttled: {Reason}", ex.Message); // leak TC1001 exceptions
            logger.LogWarning("OTP throttled ({Type}) for a number starting {Prefix}", ex.GetType().Name, otp.MobileNumber[..3]); // clean precision-about
            _otpRejected.Add(1, new KeyValuePair<string, object?>("device.id", otp.DeviceId)); // leak TC1003 direct
            return false;
        }
        logger.LogDebug("Code {Count} of 5 this hour for device {DeviceId}", sent, otp.DeviceId); // leak TC1001 direct
        return true;
    }

    public async Task<SignInResult> SignInAsync(string email, string password)
    {
        using var span = Source.StartLearnguardCheck("lockout");
        var parent = await users.FindByNameAsync(email);
        if (parent is null)
        {
            logger.LogInformation("Sign-in attempt for unregistered parent {Email}", email); // leak TC1001 direct
            return SignInResult.Failed;
        }
        if (await users.IsLockedOutAsync(parent))
        {
            span.SetLearnguardOutcome("locked_out").SetLearnguardSubjectId(pseudonymizer.PseudonymizeLearnguardSubjectId(parent.Id)); // clean precision-pseudonym
            span.SetLearnguardNote($"locked until {parent.LockoutEnd:t}, {parent.AccessFailedCount} failures"); // clean generated-api
            ParentLocked(logger, parent.Email!, parent.LockoutEnd); // clean direct
            return SignInResult.LockedOut;
        }
        if (!await users.CheckPasswordAsync(parent, password))
        {
            await users.AccessFailedAsync(parent);
            span.SetLearnguardAttempts(parent.AccessFailedCount); // clean precision-about
            span.Activity?.SetTag("enduser.id", parent.Id); // leak TC1001 direct
            logger.LogWarning("Wrong password for {Parent}, {Count} failures", parent, parent.AccessFailedCount); // leak TC1001 logging-objects
            return SignInResult.Failed;
        }
        return SignInResult.Success;
    }

    public async Task<bool> AcceptEnquiryAsync(AdmissionsEnquiry enquiry, EdgeRequest request)
    {
        using var span = Source.StartLearnguardCheck("captcha");
        span.SetLearnguardSchool(enquiry.SchoolUrn);
        var verdict = await captcha.VerifyAsync(new SiteVerifyRequest(options.CaptchaSecret, enquiry.CaptchaToken, request.RemoteIpAddress?.ToString()));
        span.SetLearnguardRiskScore(verdict.Score ?? 0).SetLearnguardOutcome(verdict.Success ? "allowed" : "challenged");
        if (verdict.Success)
        {
            return true;
        }
        logger.LogInformation("Enquiry for year {YearGroup} at {School} failed the CAPTCHA ({Errors})", enquiry.YearGroup, enquiry.SchoolUrn, string.Join(",", verdict.ErrorCodes)); // clean precision-names
        logger.LogInformation("Rejected enquiry from {Parent} about {Child}", enquiry.ParentName, enquiry.ChildName); // leak TC1001 direct
        logger.LogDebug("Rejected enquiry {Enquiry}", enquiry with { ParentName = "", ParentEmail = "", ChildName = "", CaptchaToken = "" }); // clean logging-objects
        span.Activity?.SetTag("enquiry.parent_email_domain", enquiry.ParentEmail.Split('@')[^1]); // clean precision-about
        span.Activity?.SetTag("client.address", request.RemoteIpAddress?.ToString()); // leak TC1001 direct
        return false;
    }

    [LoggerMessage(EventId = 5201, Level = LogLevel.Warning, Message = "Parent account {Email} locked until {LockoutEnd}")]
    private static partial void ParentLocked(ILogger logger, [PrivateData] string email, DateTimeOffset? lockoutEnd);
}
