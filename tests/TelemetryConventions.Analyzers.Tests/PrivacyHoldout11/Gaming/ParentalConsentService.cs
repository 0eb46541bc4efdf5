using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.UI.Services;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Gaming;

public sealed record ChildAccountRequest(string ChildPlayerId, string ChildGamertag, string ParentEmail, DateOnly ChildBirthDate);

public sealed record ParentalSettings(string ChildPlayerId, bool VoiceChat, bool Purchases, int DailyMinutes);

public sealed class ParentOfChildRequirement : IAuthorizationRequirement;

public interface IFamilyStore
{
    Task<string?> ParentOfAsync(string childPlayerId, CancellationToken cancellationToken = default);

    Task SaveSettingsAsync(ParentalSettings settings, CancellationToken cancellationToken = default);
}

/// <summary>Only the verified parent of a child account may change its settings.</summary>
public sealed class ParentOfChildHandler(IFamilyStore family, Pseudonymizer pseudonymizer, ILogger<ParentOfChildHandler> logger)
    : AuthorizationHandler<ParentOfChildRequirement, ParentalSettings>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ParentOfChildRequirement requirement, ParentalSettings resource)
    {
        var parentId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        var actualParent = await family.ParentOfAsync(resource.ChildPlayerId);
        var span = Activity.Current.EnrichAccessDelegated(AccessRelationship.Guardian);

        if (parentId is not null && parentId == actualParent)
        {
            span.SetAccessDecision(AccessDecision.Granted).SetAccessSubjectId(pseudonymizer.PseudonymizeAccessSubjectId(resource.ChildPlayerId)); // clean precision-pseudonym
            context.Succeed(requirement);
            return;
        }

        span.SetAccessDecision(AccessDecision.Denied).SetAccessReason(actualParent is null ? "child has no verified parent" : "caller is not the child's parent"); // clean generated-api
        logger.LogWarning("Parental settings of {Child} refused to {Caller}", resource.ChildPlayerId, parentId); // leak TC1001 direct
        context.Fail(new AuthorizationFailureReason(this, "Not the child's parent"));
    }
}

/// <summary>Creates a child account that stays locked until a parent confirms it by email.</summary>
public sealed class ParentalConsentService(
    UserManager<PlayerAccount> users,
    IEmailSender email,
    IFamilyStore family,
    Pseudonymizer pseudonymizer,
    ILogger<ParentalConsentService> logger)
{
    private static readonly ActivitySource Source = new("Arcadia.Family");

    public async Task RequestConsentAsync(ChildAccountRequest request)
    {
        using var activity = Source.StartActivity("family.consent_request");
        var age = DateTime.UtcNow.Year - request.ChildBirthDate.Year;
        activity?.SetTag("family.child.age", age); // clean precision-about
        activity?.SetTag("family.parent.mail_domain", request.ParentEmail[(request.ParentEmail.IndexOf('@') + 1)..]); // clean precision-about
        Baggage.SetBaggage("family.child", request.ChildPlayerId); // leak TC1001 direct

        var child = await users.FindByIdAsync(request.ChildPlayerId);
        if (child is null)
        {
            throw new KeyNotFoundException("The child account to confirm does not exist");
        }

        child.LockoutEnabled = true;
        child.LockoutEnd = DateTimeOffset.MaxValue;
        await users.UpdateAsync(child);
        var token = await users.GenerateEmailConfirmationTokenAsync(child);
        await email.SendEmailAsync(request.ParentEmail, $"{request.ChildGamertag} would like to play", $"Confirm with code {token}");

        logger.LogInformation("Consent requested from {ParentEmail} for {ChildGamertag}", request.ParentEmail, request.ChildGamertag); // leak TC1001 direct
        logger.LogAccessConsentChangedEvent("child_account", false, pseudonymizer.PseudonymizeAccessSubjectId(request.ChildPlayerId), "awaiting parent"); // clean generated-api
    }

    public async Task ApplySettingsAsync(ParentalSettings settings, CancellationToken cancellationToken)
    {
        await family.SaveSettingsAsync(settings, cancellationToken);
        Activity.Current?.SetTag("family.settings.voice_chat", settings.VoiceChat);
        Activity.Current?.SetTag("family.settings.daily_minutes", settings.DailyMinutes);
        logger.LogInformation("Parental settings saved: {Settings}", settings); // leak TC1001 logging-objects
        logger.LogInformation("Parental settings saved: {@Settings}", new { settings.VoiceChat, settings.Purchases, settings.DailyMinutes }); // clean logging-objects
    }
}
