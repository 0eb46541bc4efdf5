using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout42.Support.DeviceAuth;
using TelemetryConventions;

namespace PrivacyHoldout42.Gaming;

/// <summary>What a VR headset sends when it starts its sign-in: its serial, model and system version.</summary>
public sealed record HeadsetHello(string Serial, string Model, string SystemVersion);

public sealed record PlayerAccount(Guid PlayerId, string Gamertag, string Region);

public sealed record HeadsetSession(Guid SessionId, Guid PlayerId, DateTimeOffset ExpiresAt);

public interface IPlayerDirectory
{
    Task<PlayerAccount> BySubjectAsync(string subject, CancellationToken cancellationToken);

    Task BindHeadsetAsync(Guid playerId, string headsetSerial, CancellationToken cancellationToken);
}

/// <summary>Signs a headset in with the device authorization grant: the headset shows a code, the player approves it in the companion app.</summary>
public sealed class HeadsetSignInService(
    IDeviceAuthorizationClient auth,
    IPlayerDirectory players,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    TimeProvider clock,
    ILogger<HeadsetSignInService> logger)
{
    public async Task<HeadsetSession> SignInAsync(HeadsetHello hello, Action<string, string> showOnHeadset, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity("headset.signin");
        if (activity is not null)
        {
            activity.DisplayName = $"headset.signin {hello.Model}"; // clean strings
        }

        activity?.SetTag("headset.model", hello.Model); // clean precision-about
        activity?.SetTag("headset.serial", hello.Serial); // leak TC1001 direct

        var authorization = await auth.StartAsync("vr-headset", "openid profile offline_access", cancellationToken);
        showOnHeadset(authorization.UserCode, authorization.VerificationUri);
        logger.LogInformation("Device authorization started, user code {UserCode}, expires in {ExpiresIn}s", authorization.UserCode, authorization.ExpiresIn); // clean precision-names
        logger.LogDebug("Polling the token endpoint with device code {DeviceCode}", authorization.DeviceCode); // leak TC1001 direct
        activity?.SetTag("oauth.verification_uri", authorization.VerificationUri); // clean precision-names

        TokenResponse token;
        var interval = TimeSpan.FromSeconds(authorization.Interval);
        while (true)
        {
            try
            {
                token = await auth.PollAsync("vr-headset", authorization.DeviceCode, cancellationToken);
                break;
            }
            catch (DeviceFlowException ex) when (ex.Error is "authorization_pending" or "slow_down")
            {
                activity?.AddEvent(new ActivityEvent("oauth.poll", tags: new ActivityTagsCollection { ["oauth.error"] = ex.Error })); // clean exceptions
                interval += ex.Error == "slow_down" ? TimeSpan.FromSeconds(5) : TimeSpan.Zero;
                await Task.Delay(interval, cancellationToken);
            }
            catch (DeviceFlowException ex)
            {
                activity?.SetStatus(ActivityStatusCode.Error, ex.Message); // clean exceptions
                throw;
            }
        }

        logger.LogDebug("Token response {Response}", token); // clean logging-objects
        activity?.SetTag("oauth.access_token.length", token.AccessToken.Length); // clean precision-about

        var player = await players.BySubjectAsync(token.Subject, cancellationToken);
        activity?.SetTag("player.ref", pseudonymizer.Compute("player.id", player.PlayerId.ToString())); // clean precision-pseudonym
        await players.BindHeadsetAsync(player.PlayerId, hello.Serial, cancellationToken);
        logger.LogInformation("Headset {Serial} signed in as {Gamertag}", hello.Serial, player.Gamertag); // leak TC1001 direct

        return new HeadsetSession(Guid.NewGuid(), player.PlayerId, clock.GetUtcNow().AddSeconds(token.ExpiresIn));
    }
}
