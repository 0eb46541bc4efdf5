using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Healthcare;

public sealed class PortalUser : IdentityUser
{
    public string NhsNumber { get; set; } = string.Empty;

    public DateOnly DateOfBirth { get; set; }

    public string GpPracticeCode { get; set; } = string.Empty;

    public bool ProxyAccessEnabled { get; set; }
}

public sealed record RegisterPatientRequest(string Email, string Password, string NhsNumber, DateOnly DateOfBirth, string GpPracticeCode);

public sealed record ResetPasswordRequest(string Email, string Token, string NewPassword);

/// <summary>Self-service registration, email confirmation and password reset of the patient portal.</summary>
public sealed partial class PatientPortalAccountService(
    UserManager<PortalUser> userManager,
    IEmailSender emailSender,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<PatientPortalAccountService> logger)
{
    private static readonly ActivitySource Source = new("PatientPortal.Accounts");
    private static readonly Meter Meter = new("PatientPortal.Accounts");
    private static readonly Counter<long> Registrations = Meter.CreateCounter<long>("portal.registrations");
    private static readonly Counter<long> PasswordResets = Meter.CreateCounter<long>("portal.password_resets");

    public async Task<IdentityResult> RegisterAsync(RegisterPatientRequest request, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("portal.register");
        activity?.SetTag("portal.gp_practice", request.GpPracticeCode); // clean precision-about
        activity?.SetTag("enduser.id", request.NhsNumber); // leak TC1001 direct

        var user = new PortalUser
        {
            UserName = request.Email,
            Email = request.Email,
            NhsNumber = request.NhsNumber,
            DateOfBirth = request.DateOfBirth,
            GpPracticeCode = request.GpPracticeCode,
        };
        var result = await userManager.CreateAsync(user, request.Password);
        if (!result.Succeeded)
        {
            activity?.SetTag("portal.register.error_codes", string.Join(",", result.Errors.Select(e => e.Code))); // clean precision-about
            logger.LogWarning("Registration failed: {Errors}", string.Join("; ", result.Errors.Select(e => e.Description))); // leak TC1001 strings
            Registrations.Add(1, new KeyValuePair<string, object?>("outcome", "failed"), new("gp_practice", request.GpPracticeCode));
            return result;
        }

        var userId = await userManager.GetUserIdAsync(user);
        var token = await userManager.GenerateEmailConfirmationTokenAsync(user);
        var link = $"https://portal.example.nhs/account/confirm?userId={userId}&code={Uri.EscapeDataString(token)}";
        await emailSender.SendEmailAsync(request.Email, "Confirm your email address", $"<a href=\"{link}\">Confirm</a>");

        LogConfirmationSent(logger, pseudonymizer.ComputeIdentityAccountId(userId), request.Email.Split('@')[^1]); // clean precision-pseudonym
        logger.LogDebug("Confirmation link {Link} generated", link); // leak TC1001 strings
        activity?.SetTag("portal.patient.age_band", AgeBand(request.DateOfBirth)); // clean precision-about
        Registrations.Add(1, new KeyValuePair<string, object?>("outcome", "created"), new("gp_practice", request.GpPracticeCode)); // clean precision-about
        return result;
    }

    public async Task<bool> ConfirmEmailAsync(string userId, string code)
    {
        using var activity = Source.StartActivity("portal.confirm_email");
        var user = await userManager.FindByIdAsync(userId);
        if (user is null)
        {
            logger.LogWarning("Email confirmation for unknown user {UserId}", userId); // leak TC1001 direct
            return false;
        }

        var result = await userManager.ConfirmEmailAsync(user, code);
        activity?.SetTag("portal.email_confirmed", result.Succeeded);
        activity?.SetTag("portal.account", pseudonymizer.ComputeIdentityAccountId(user.Id)); // clean precision-pseudonym
        if (!result.Succeeded)
        {
            logger.LogWarning("Confirmation token rejected for {Email}: {Result}", user.Email, result); // leak TC1001 direct
        }
        return result.Succeeded;
    }

    public async Task ForgotPasswordAsync(string email)
    {
        using var activity = Source.StartActivity("portal.forgot_password");
        var user = await userManager.FindByEmailAsync(email);
        activity?.SetTag("portal.account_found", user is not null);
        if (user is null || !await userManager.IsEmailConfirmedAsync(user))
        {
            // Do not reveal that the user does not exist or is not confirmed.
            return;
        }

        activity?.SetTag(IdentityAttributes.AccountContact, email); // leak TC1001 generated-api
        var token = await userManager.GeneratePasswordResetTokenAsync(user);
        await emailSender.SendEmailAsync(email, "Reset your password", $"Your reset code is {token}");
        LogResetIssued(logger, user.Email!, clock.GetUtcNow().AddHours(24)); // clean precision-pseudonym
        PasswordResets.Add(1, new KeyValuePair<string, object?>("stage", "issued"));
    }

    public async Task<IdentityResult> ResetPasswordAsync(ResetPasswordRequest request)
    {
        using var activity = Source.StartActivity("portal.reset_password");
        var user = await userManager.FindByEmailAsync(request.Email);
        if (user is null)
        {
            return IdentityResult.Failed(new IdentityError { Code = "InvalidToken" });
        }

        var result = await userManager.ResetPasswordAsync(user, request.Token, request.NewPassword);
        if (!result.Succeeded)
        {
            activity?.SetStatus(ActivityStatusCode.Error, "password reset rejected");
            activity?.SetTag("portal.reset.token", request.Token); // leak TC1001 direct
            PasswordResets.Add(1, new KeyValuePair<string, object?>("stage", "rejected"), new("email", request.Email)); // leak TC1003 direct
            return result;
        }

        await userManager.UpdateSecurityStampAsync(user);
        PasswordResets.Add(1, new KeyValuePair<string, object?>("stage", "completed"), new("failed_attempts_before", user.AccessFailedCount)); // clean precision-about
        return result;
    }

    private static string AgeBand(DateOnly dateOfBirth)
    {
        var age = DateTime.UtcNow.Year - dateOfBirth.Year;
        return age switch { < 18 => "under-18", < 65 => "18-64", _ => "65-plus" };
    }

    [LoggerMessage(EventId = 4101, Level = LogLevel.Information, Message = "Confirmation email sent to account {Account} at a {MailDomain} address")]
    private static partial void LogConfirmationSent(ILogger logger, string account, string mailDomain);

    [LoggerMessage(EventId = 4102, Level = LogLevel.Information, Message = "Password reset issued for {Email}, valid until {ValidUntil}")]
    private static partial void LogResetIssued(ILogger logger, [PrivateData] string email, DateTimeOffset validUntil);
}
