using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Support;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Energy;

public sealed class EnergyCustomer : IdentityUser
{
    public string AccountNumber { get; set; } = string.Empty;

    public string? MeterSerial { get; set; }

    public string TariffCode { get; set; } = "standard-variable";
}

public sealed record SignInForm(string Email, string Password, bool RememberMe);

public enum SignInStep
{
    Done,
    Failed,
    LockedOut,
    NeedsCode,
    NeedsConfirmation,
}

/// <summary>Password sign-in of the energy customer portal, with lockout and an SMS second factor.</summary>
public sealed partial class CustomerPortalSignInService(
    SignInManager<EnergyCustomer> signIn,
    UserManager<EnergyCustomer> users,
    ISmsSender sms,
    Pseudonymizer pseudonymizer,
    IMeterFactory meters,
    ILogger<CustomerPortalSignInService> logger)
{
    private static readonly ActivitySource Source = new("EnergyPortal.SignIn");

    private readonly Meter _meter = meters.Create("EnergyPortal.SignIn");

    public async Task<SignInStep> SignInAsync(SignInForm form, CancellationToken cancellationToken)
    {
        using var span = Source.StartIdentitySignIn(IdentityMethod.Password).SetIdentityProvider("local");
        var customer = await users.FindByEmailAsync(form.Email);
        if (customer is null)
        {
            LogUnknownEmail(logger, form.Email); // leak TC1001 direct
            span.SetIdentityOutcome(IdentityOutcome.Failed);
            _meter.CreateIdentitySignInsCounter().Add(1, IdentityMethod.Password, IdentityOutcome.Failed);
            return SignInStep.Failed;
        }

        var account = pseudonymizer.PseudonymizeIdentityAccountId(customer.Id);
        span.SetIdentityAccountId(account); // clean precision-pseudonym
        var result = await signIn.PasswordSignInAsync(customer, form.Password, form.RememberMe, lockoutOnFailure: true);

        if (result.IsLockedOut)
        {
            var lockoutEnd = await users.GetLockoutEndDateAsync(customer);
            var minutes = (long)Math.Ceiling(((lockoutEnd ?? DateTimeOffset.UtcNow) - DateTimeOffset.UtcNow).TotalMinutes);
            span.SetIdentityOutcome(IdentityOutcome.LockedOut);
            span.AddIdentityLockoutEvent(minutes, account, "too many failed passwords"); // clean generated-api
            logger.LogIdentityLockoutEvent(minutes, account, $"locked after {customer.AccessFailedCount} attempts"); // clean generated-api
            logger.LogIdentityLockoutEvent(minutes, identityFailureReason: $"account {customer.AccountNumber} locked"); // leak TC1001 generated-api
            return SignInStep.LockedOut;
        }

        if (result.RequiresTwoFactor)
        {
            var phone = await users.GetPhoneNumberAsync(customer);
            var code = await users.GenerateTwoFactorTokenAsync(customer, TokenOptions.DefaultPhoneProvider);
            try
            {
                await sms.SendAsync(phone!, $"Your sign-in code is {code}", cancellationToken);
            }
            catch (SmsDeliveryException ex)
            {
                Activity.Current?.AddException(ex); // leak TC1001 exceptions
                logger.LogError(ex, "Sign-in code could not be sent (gateway status {Status})", ex.GatewayStatus); // leak TC1001 exceptions
                span.SetIdentityOutcome(IdentityOutcome.Failed).SetIdentityFailureReason("sms gateway " + ex.GatewayStatus); // clean exceptions
                return SignInStep.Failed;
            }

            span.SetIdentityOutcome(IdentityOutcome.RequiresTwoFactor);
            Activity.Current?.SetTag("portal.sms.sent_to", MaskPhone(phone)); // clean precision-about
            logger.LogInformation("Sent sign-in code to {PhoneNumber}", phone); // leak TC1001 direct
            return SignInStep.NeedsCode;
        }

        var outcome = result.Succeeded ? IdentityOutcome.Success : result.IsNotAllowed ? IdentityOutcome.NotAllowed : IdentityOutcome.Failed;
        span.SetIdentityOutcome(outcome);
        logger.LogIdentitySignInAuditEvent(IdentityMethod.Password, outcome, account, identityProvider: "local"); // clean generated-api
        _meter.CreateIdentitySignInsCounter().Add(1, IdentityMethod.Password, outcome, identityTenant: customer.TariffCode); // clean precision-names
        if (!result.Succeeded)
        {
            var failures = await users.GetAccessFailedCountAsync(customer);
            Activity.Current?.SetTag("portal.failed_attempts", failures);
            logger.LogInformation("Password rejected for {Customer}", customer); // leak TC1001 logging-objects
        }

        logger.LogInformation("Password sign-in finished for {Account} with {Outcome}", AccountRef(customer), outcome.ToWireValue()); // clean cross-member
        return result.Succeeded ? SignInStep.Done : result.IsNotAllowed ? SignInStep.NeedsConfirmation : SignInStep.Failed;
    }

    private string AccountRef(EnergyCustomer customer) => pseudonymizer.ComputeIdentityAccountId(customer.Id);

    public async Task<SignInStep> VerifyCodeAsync(string code, bool rememberDevice)
    {
        var customer = await signIn.GetTwoFactorAuthenticationUserAsync();
        using var span = Source.StartIdentitySignIn(IdentityMethod.TwoFactor);
        var result = await signIn.TwoFactorSignInAsync(TokenOptions.DefaultPhoneProvider, code, isPersistent: false, rememberClient: rememberDevice);
        span.SetIdentityOutcome(result.Succeeded ? IdentityOutcome.Success : IdentityOutcome.Failed);
        Activity.Current?.SetTag("portal.remember_device", rememberDevice);
        if (!result.Succeeded && customer is not null)
        {
            Activity.Current?.AddEvent(new ActivityEvent("portal.code_rejected", tags: new ActivityTagsCollection { ["account_number"] = customer.AccountNumber })); // leak TC1001 direct
        }
        return result.Succeeded ? SignInStep.Done : SignInStep.Failed;
    }

    private static string MaskPhone(string? phone) =>
        string.IsNullOrEmpty(phone) || phone.Length < 4 ? "none" : new string('*', phone.Length - 2) + phone[^2..];

    [LoggerMessage(EventId = 3001, Level = LogLevel.Information, Message = "Sign-in attempt for unknown email {Email}")]
    private static partial void LogUnknownEmail(ILogger logger, string email);
}
