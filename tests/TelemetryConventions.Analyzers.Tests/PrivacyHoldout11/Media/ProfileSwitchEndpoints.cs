using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using System.Security.Claims;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Media;

public sealed record ViewingProfile(Guid ProfileId, string SubscriberNumber, string Name, bool IsKids, string? PinHash, string MaturityRating);

public sealed record SwitchProfileRequest(Guid ProfileId, string? Pin);

public interface IProfileStore
{
    Task<IReadOnlyList<ViewingProfile>> ForSubscriberAsync(string subscriberNumber, CancellationToken cancellationToken = default);
}

public sealed class ProfilePinMismatchException(ViewingProfile profile)
    : Exception($"Wrong PIN for profile '{profile.Name}' of subscriber {profile.SubscriberNumber}");

/// <summary>
/// The account holder picks a viewing profile of the household: the profile goes into the session as a
/// claim, and the recommendations and the kids' catalogue follow it.
/// </summary>
public static class ProfileSwitchEndpoints
{
    private static readonly ActivitySource Source = new("Streaming.Profiles");

    public static async Task<IResult> SwitchAsync(
        SwitchProfileRequest request,
        HttpContext http,
        IProfileStore profiles,
        IAuthenticationService authentication,
        Pseudonymizer pseudonymizer,
        ILoggerFactory loggers)
    {
        var logger = loggers.CreateLogger("Streaming.Profiles");
        var subscriberNumber = http.User.FindFirstValue("subscriber_number");
        if (subscriberNumber is null)
        {
            return Results.Unauthorized();
        }

        using var activity = Source.StartActivity("profiles.switch");
        var household = await profiles.ForSubscriberAsync(subscriberNumber, http.RequestAborted);
        var profile = household.FirstOrDefault(p => p.ProfileId == request.ProfileId);
        activity?.SetTag("profiles.household_size", household.Count);
        if (profile is null)
        {
            return Results.NotFound();
        }

        activity?.SetTag("profiles.profile_id", profile.ProfileId); // clean precision-names
        activity?.SetTag("profiles.kids", profile.IsKids);
        activity?.SetTag("profiles.maturity", profile.MaturityRating); // clean precision-about
        activity?.SetTag("profiles.name", profile.Name); // leak TC1001 direct

        try
        {
            EnsurePin(profile, request.Pin);
        }
        catch (ProfilePinMismatchException ex)
        {
            activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // leak TC1001 exceptions
            activity?.SetTag("profiles.pin.length", request.Pin?.Length ?? 0); // clean precision-about
            logger.LogWarning("PIN mismatch ({ExceptionType}) on a household profile", ex.GetType().Name); // clean exceptions
            return Results.Forbid();
        }

        var identity = new ClaimsIdentity(http.User.Claims.Where(c => c.Type != "profile_id"), "Cookies");
        identity.AddClaim(new Claim("profile_id", profile.ProfileId.ToString()));
        await authentication.SignInAsync(http, "Cookies", new ClaimsPrincipal(identity), new AuthenticationProperties { IsPersistent = true });

        Baggage.SetBaggage("profile.kids", profile.IsKids ? "1" : "0"); // clean precision-about
        Baggage.SetBaggage("subscriber", pseudonymizer.ComputeIdentityAccountId(subscriberNumber)); // clean precision-pseudonym
        logger.LogInformation("Profile {ProfileId} selected for household {Household}", profile.ProfileId, subscriberNumber); // leak TC1001 direct
        return Results.NoContent();
    }

    private static void EnsurePin(ViewingProfile profile, string? pin)
    {
        if (profile.PinHash is null)
        {
            return;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(profile.ProfileId + ":" + pin)));
        if (pin is null || !CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(hash), Encoding.ASCII.GetBytes(profile.PinHash)))
        {
            throw new ProfilePinMismatchException(profile);
        }
    }
}
