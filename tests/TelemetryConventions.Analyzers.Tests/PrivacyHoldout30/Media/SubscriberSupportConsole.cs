using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout30.Support.Identity;
using PrivacyHoldout30.Support.Web;
using PrivacyHoldout30.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout30.Media;

/// <summary>A subscriber's sign-in; the user name is the subscriber's email.</summary>
public sealed class Subscriber : IdentityUser
{
    public Guid SubscriberId { get; set; }

    public string Plan { get; set; } = "standard";

    public List<ViewingProfile> Profiles { get; } = new();
}

public sealed record ViewingProfile(Guid ProfileId, string Name, bool IsKids);

/// <summary>The customer-care console: find a subscriber, send a password reset, fix a phone number.</summary>
public sealed class SubscriberSupportConsole(UserManager<Subscriber> users, Pseudonymizer pseudonymizer, ILogger<SubscriberSupportConsole> logger)
{
    private static readonly Meter CareMeter = new("Media.CustomerCare");
    private static readonly Counter<long> ProfileResets = CareMeter.CreateCounter<long>("care.profile_resets");

    public async Task<IResult> FindByEmailAsync([FromQuery] string email)
    {
        logger.LogInformation("Care lookup by email {Email}", email); // leak TC1001 direct
        Activity.Current?.SetTag("care.lookup.email_domain", email[(email.LastIndexOf('@') + 1)..]); // clean precision-about
        var subscriber = await users.FindByEmailAsync(email);
        if (subscriber is null)
        {
            return Results.NotFound();
        }

        Activity.Current?.SetTag("care.subscriber.id", subscriber.SubscriberId); // leak TC1001 direct
        Activity.Current?.SetTag("care.subscriber.ref", pseudonymizer.ComputeOpsSubjectId(subscriber.SubscriberId.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag("care.subscriber.plan", subscriber.Plan); // clean precision-names
        Activity.Current?.SetTag("care.subscriber.profile_count", subscriber.Profiles.Count); // clean precision-about
        logger.LogDebug("Profiles: {Profiles}", string.Join(", ", subscriber.Profiles.Select(p => p.Name))); // leak TC1001 strings
        return Results.Ok(new { subscriber.SubscriberId, subscriber.Plan, Profiles = subscriber.Profiles.Count });
    }

    public async Task<IResult> SendPasswordResetAsync(Guid subscriberId, string email)
    {
        var subscriber = await users.FindByEmailAsync(email);
        if (subscriber is null || subscriber.SubscriberId != subscriberId)
        {
            return Results.NotFound();
        }

        var token = await users.GeneratePasswordResetTokenAsync(subscriber);
        var link = $"https://tv.example.com/account/reset?email={Uri.EscapeDataString(email)}&token={Uri.EscapeDataString(token)}";
        logger.LogDebug("Reset link generated: {Link}", link); // leak TC1001 strings
        logger.LogInformation("Reset token of {Length} characters generated", token.Length); // clean precision-about
        return Results.NoContent();
    }

    public async Task<IResult> UpdatePhoneAsync(Guid subscriberId, string email, string phone)
    {
        var subscriber = await users.FindByEmailAsync(email);
        if (subscriber is null || subscriber.SubscriberId != subscriberId)
        {
            return Results.NotFound();
        }

        var result = await users.SetPhoneNumberAsync(subscriber, phone);
        logger.LogInformation("Phone update for {User}: {Result}", subscriber, result); // leak TC1001 logging-objects
        logger.LogInformation("Phone update result {Result}, number present {HasPhone}", result, !string.IsNullOrEmpty(phone)); // clean precision-about
        return result.Succeeded ? Results.NoContent() : Results.BadRequest(result.ToString());
    }

    public void ResetProfile(Subscriber subscriber, ViewingProfile profile)
    {
        ProfileResets.Add(1, new KeyValuePair<string, object?>("profile.kids", profile.IsKids)); // clean precision-about
        ProfileResets.Add(1, new KeyValuePair<string, object?>("profile.name", profile.Name)); // leak TC1003 direct
    }
}
