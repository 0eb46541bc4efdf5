using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Claims;
using System.Threading.Tasks;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Logging;
using PrivacyHoldout11.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout11.Gaming;

public sealed class PlayerAccount : IdentityUser
{
    public string Gamertag { get; set; } = string.Empty;

    public string Region { get; set; } = "eu";

    public DateOnly? BirthDate { get; set; }
}

public sealed record ExternalLoginOutcome(bool Succeeded, bool NeedsGamertag, string? Error);

public sealed class AccountLinkException(string message) : Exception(message);

/// <summary>
/// Sign-in with Steam, Xbox and Discord accounts: a returning player is signed in by their external
/// login; a new one gets an account, with the gamertag taken from the provider's display name.
/// </summary>
public sealed partial class PlayerExternalLoginService(
    SignInManager<PlayerAccount> signIn,
    UserManager<PlayerAccount> users,
    Pseudonymizer pseudonymizer,
    Meter meter,
    ILogger<PlayerExternalLoginService> logger)
{
    private static readonly ActivitySource Source = new("Arcadia.Accounts");

    private readonly Counter<long> _linked = meter.CreateCounter<long>("accounts.external_links");

    public async Task<ExternalLoginOutcome> CompleteAsync()
    {
        var info = await signIn.GetExternalLoginInfoAsync();
        if (info is null)
        {
            return new ExternalLoginOutcome(false, false, "No external login in the request");
        }

        using var span = Source.StartIdentitySignIn(IdentityMethod.External);
        span.SetIdentityProvider(info.LoginProvider); // clean generated-api
        Activity.Current?.SetTag("accounts.provider.display", info.ProviderDisplayName); // clean precision-names
        Activity.Current?.SetTag("accounts.provider.key", info.ProviderKey); // leak TC1001 direct

        var result = await signIn.ExternalLoginSignInAsync(info.LoginProvider, info.ProviderKey, isPersistent: true, bypassTwoFactor: true);
        Activity.Current?.SetTag("accounts.signin.result", $"{info.LoginProvider}:{result}"); // clean strings
        if (result.Succeeded)
        {
            var player = await users.FindByLoginAsync(info.LoginProvider, info.ProviderKey);
            span.SetIdentityOutcome(IdentityOutcome.Success);
            span.SetIdentityAccountId(pseudonymizer.PseudonymizeIdentityAccountId(player!.Id)); // clean precision-pseudonym
            LogReturningPlayer(logger, info.LoginProvider, player.Gamertag); // leak TC1001 direct
            return new ExternalLoginOutcome(true, false, null);
        }

        if (result.IsLockedOut)
        {
            span.SetIdentityOutcome(IdentityOutcome.LockedOut);
            logger.LogWarning("Locked-out player tried {Provider} login as {ProviderKey}", info.LoginProvider, info.ProviderKey); // leak TC1001 direct
            return new ExternalLoginOutcome(false, false, "locked");
        }

        var displayName = info.Principal.FindFirstValue(ClaimTypes.Name);
        var email = info.Principal.FindFirstValue(ClaimTypes.Email);
        span.SetIdentityOutcome(IdentityOutcome.NotAllowed);
        Activity.Current?.SetTag("accounts.provider.email_shared", email is not null);
        Activity.Current?.SetTag("accounts.provider.claims", info.Principal.Claims.Count());

        try
        {
            var player = await CreateFromExternalAsync(info, displayName, email);
            _linked.Add(1, new KeyValuePair<string, object?>("provider", info.LoginProvider), new("region", player.Region)); // clean precision-about
            return new ExternalLoginOutcome(true, false, null);
        }
        catch (AccountLinkException ex)
        {
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            logger.LogWarning(ex, "Could not create an account from {Provider}", info.LoginProvider); // leak TC1001 exceptions
            return new ExternalLoginOutcome(false, true, "Choose another gamertag");
        }
    }

    private async Task<PlayerAccount> CreateFromExternalAsync(ExternalLoginInfo info, string? displayName, string? email)
    {
        var gamertag = (displayName ?? "player").Replace(' ', '_');
        if (await users.FindByNameAsync(gamertag) is not null)
        {
            throw new AccountLinkException($"Gamertag '{gamertag}' is already taken");
        }

        var player = new PlayerAccount { UserName = gamertag, Gamertag = gamertag, Email = email };
        var created = await users.CreateAsync(player, Guid.NewGuid().ToString("N") + "!Aa1");
        if (!created.Succeeded)
        {
            throw new AccountLinkException("Account creation failed: " + created);
        }

        await users.AddLoginAsync(player, new UserLoginInfo(info.LoginProvider, info.ProviderKey, info.ProviderDisplayName));
        Activity.Current?.AddEvent(new ActivityEvent("accounts.created", tags: new ActivityTagsCollection { ["gamertag.length"] = gamertag.Length, ["provider"] = info.LoginProvider })); // clean precision-about
        return player;
    }

    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Returning {Provider} player {Gamertag} signed in")]
    private static partial void LogReturningPlayer(ILogger logger, string provider, string gamertag);
}
