using System;
using System.Diagnostics;
using System.Globalization;
using System.Net.Http;
using System.Net.Http.Json;
using System.Text.Json.Serialization;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout21.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout21.Gaming;

public sealed class SteamOptions
{
    public required string WebApiKey { get; init; }

    public required uint AppId { get; init; }
}

public sealed record SteamAuthParams(
    [property: JsonPropertyName("result")] string Result,
    [property: JsonPropertyName("steamid")] string SteamId,
    [property: JsonPropertyName("ownersteamid")] string OwnerSteamId,
    [property: JsonPropertyName("vacbanned")] bool VacBanned,
    [property: JsonPropertyName("publisherbanned")] bool PublisherBanned);

public sealed record SteamAuthError(
    [property: JsonPropertyName("errorcode")] int ErrorCode,
    [property: JsonPropertyName("errordesc")] string ErrorDescription);

public sealed record SteamAuthResponse(
    [property: JsonPropertyName("params")] SteamAuthParams? Params,
    [property: JsonPropertyName("error")] SteamAuthError? Error);

public sealed record SteamAuthEnvelope([property: JsonPropertyName("response")] SteamAuthResponse Response);

public sealed record PlayerLogin(ulong SteamId, bool FamilyShared, string PlayerRef);

public sealed class SteamTicketRejectedException(int errorCode) : Exception($"Steam rejected the session ticket (error {errorCode})")
{
    public int ErrorCode { get; } = errorCode;
}

/// <summary>Checks a client's Steam session ticket with the Steamworks Web API before the game server admits the player.</summary>
public sealed class SteamTicketAuth(HttpClient steam, SteamOptions options, Pseudonymizer pseudonymizer, ILogger<SteamTicketAuth> logger)
{
    public async Task<PlayerLogin> AuthenticateAsync(string ticketHex, string? lobbySteamId, CancellationToken cancellationToken)
    {
        var activity = Activity.Current;
        activity?.SetTag("steam.app_id", options.AppId);
        activity?.SetTag("steam.ticket.length", ticketHex.Length); // clean precision-about
        activity?.SetTag("steam.lobby.steamid", lobbySteamId); // clean precision-names

        var url = $"ISteamUserAuth/AuthenticateUserTicket/v1/?key={options.WebApiKey}&appid={options.AppId}&ticket={ticketHex}";
        logger.LogDebug("GET {Url}", url); // leak TC1001 strings
        var envelope = await steam.GetFromJsonAsync<SteamAuthEnvelope>(url, cancellationToken) ?? throw new SteamTicketRejectedException(-1);
        if (envelope.Response.Error is { } error)
        {
            logger.LogWarning("Steam rejected the ticket: {ErrorCode} {ErrorDescription}", error.ErrorCode, error.ErrorDescription); // clean precision-about
            throw new SteamTicketRejectedException(error.ErrorCode);
        }

        var result = envelope.Response.Params ?? throw new SteamTicketRejectedException(0);
        ulong steamId64;
        try
        {
            steamId64 = ulong.Parse(result.SteamId, CultureInfo.InvariantCulture);
        }
        catch (FormatException ex)
        {
            logger.LogError(ex, "Steam returned an unreadable steamid"); // leak TC1001 exceptions
            throw;
        }

        activity?.SetTag("steam.universe", steamId64 >> 56); // clean precision-about
        activity?.SetTag("steam.account_id", (uint)(steamId64 & 0xFFFFFFFF)); // leak TC1001 direct
        var familyShared = result.OwnerSteamId != result.SteamId;
        activity?.SetTag("steam.family_shared", familyShared); // clean precision-about
        if (familyShared)
        {
            logger.LogInformation("Family-shared licence lent by {OwnerSteamId}", result.OwnerSteamId); // leak TC1001 direct
        }

        activity?.SetTag("steam.vac_banned", result.VacBanned); // clean precision-about
        logger.LogInformation("Steam login {@Params}", result); // leak TC1001 logging-objects

        var playerRef = pseudonymizer.ComputeInterchangeSubjectId(result.SteamId);
        activity?.SetTag("player.ref", playerRef); // clean precision-pseudonym
        Baggage.SetBaggage("game.steamid", result.SteamId); // leak TC1001 direct
        var login = new PlayerLogin(steamId64, familyShared, playerRef);
        logger.LogInformation("Admitted {Login}", login); // leak TC1001 logging-objects
        return login;
    }
}
