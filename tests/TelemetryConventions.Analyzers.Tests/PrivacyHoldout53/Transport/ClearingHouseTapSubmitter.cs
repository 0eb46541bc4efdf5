using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Net.Http;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout53.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout53.Transport;

public sealed class ClearingHouseOptions
{
    public string OperatorCode { get; set; } = "GA";

    public Uri TokenEndpoint { get; set; } = new("https://auth.clearing.example/oauth2/token");

    public string ClientId { get; set; } = "operator-ga";

    public string ClientSecret { get; set; } = string.Empty;
}

/// <summary>
/// One tap on a validator. <see cref="CardToken"/> is the clearing house's token for a contactless
/// card (the same for every journey made with that card); <see cref="TravelCardNumber"/> is set for
/// the operator's own smartcards.
/// </summary>
public sealed record Tap(string TapId, string ValidatorId, string StopCode, DateTimeOffset At, string? CardToken, string? TravelCardNumber, string Direction);

public sealed record TapBatch(string BatchId, string OperatorCode, List<Tap> Taps);

public sealed record TapVerdict(string TapId, string Status, string? ReasonCode);

public sealed record BatchReceipt(string BatchId, int Accepted, List<TapVerdict> Rejected);

/// <summary>Submits the day's taps to the ticketing clearing house, which prices journeys across operators.</summary>
public sealed class ClearingHouseTapSubmitter(HttpClient http, IOptions<ClearingHouseOptions> options, ILogger<ClearingHouseTapSubmitter> logger, Meter meter, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Transit.Revenue.ClearingHouse");
    private string? _token;
    private DateTimeOffset _tokenExpiry;

    public async Task<BatchReceipt?> SubmitAsync(TapBatch batch, CancellationToken cancellationToken)
    {
        using var span = Source.StartPartnerCall("clearing-house", "submit-taps")
            .SetPartnerRequestId(batch.BatchId) // clean direct
            .SetPartnerResource($"operators/{batch.OperatorCode}/batches/{batch.BatchId}"); // clean direct
        span.SetPartnerTokenCached(_token is not null && _tokenExpiry > DateTimeOffset.UtcNow); // clean direct

        using var request = new HttpRequestMessage(HttpMethod.Post, $"v2/operators/{batch.OperatorCode}/taps") { Content = JsonContent.Create(batch) };
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", await TokenAsync(cancellationToken));
        request.Headers.Add("X-Batch-Id", batch.BatchId);
        logger.LogInformation("Submitting {Count} taps in batch {BatchId}, {Contactless} contactless", batch.Taps.Count, batch.BatchId, batch.Taps.Count(t => t.CardToken is not null)); // clean precision-about

        using var response = await http.SendAsync(request, cancellationToken);
        span.SetPartnerStatusCode((int)response.StatusCode);
        if (!response.IsSuccessStatusCode)
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            logger.LogError("Clearing house refused batch {BatchId}: {Status} {Body}", batch.BatchId, (int)response.StatusCode, body); // clean exceptions
            logger.LogError("Refused batch was {@Batch}", batch); // leak TC1001 logging-objects
            return null;
        }

        var receipt = await response.Content.ReadFromJsonAsync<BatchReceipt>(cancellationToken);
        if (receipt is null)
        {
            return null;
        }

        span.SetPartnerNote($"accepted {receipt.Accepted}, rejected {receipt.Rejected.Count}"); // clean precision-about
        var taps = batch.Taps.ToDictionary(t => t.TapId);
        foreach (var verdict in receipt.Rejected)
        {
            var tap = taps[verdict.TapId];
            logger.LogWarning("Tap {TapId} at {Stop} rejected with {Reason}", verdict.TapId, tap.StopCode, verdict.ReasonCode); // clean direct
            if (verdict.ReasonCode == "DENY_LIST")
            {
                // The clearing house's card token is already a token, not the card number.
                span.SetPartnerSubjectId(Pseudonym.FromComputed(tap.CardToken!)); // leak TC1001 precision-pseudonym
                logger.LogWarning("Card {CardToken} is on the clearing house deny list", tap.CardToken); // leak TC1001 cross-member
                span.AddPartnerCallRejectedEvent("clearing-house", 200, verdict.ReasonCode, pseudonymizer.PseudonymizePartnerSubjectId(tap.CardToken ?? tap.TravelCardNumber ?? tap.TapId)); // clean precision-pseudonym
                meter.CreatePartnerCallDurationHistogram().Record(0, "clearing-house", "deny-list", 200, "denied", pseudonymizer.PseudonymizePartnerSubjectId(tap.CardToken ?? tap.TapId)); // leak TC1003 precision-pseudonym
            }
            else if (verdict.ReasonCode == "UNKNOWN_CARD" && tap.TravelCardNumber is { } card)
            {
                logger.LogWarning("Smartcard {Card} unknown to the clearing house", card); // leak TC1001 direct
                Activity.Current?.SetTag("clearing.card.last4", card[^4..]); // clean precision-about
            }
        }

        var rejectedCards = receipt.Rejected.Select(v => taps[v.TapId].CardToken).Where(c => c is not null).Distinct().ToList();
        Activity.Current?.SetTag("clearing.rejected_cards", string.Join(",", rejectedCards)); // leak TC1001 strings
        Activity.Current?.SetTag("clearing.rejected_card_count", rejectedCards.Count); // clean precision-names
        return receipt;
    }

    /// <summary>The operator's client credentials, exchanged for a bearer token and cached until a minute before expiry.</summary>
    private async Task<string> TokenAsync(CancellationToken cancellationToken)
    {
        if (_token is not null && _tokenExpiry > DateTimeOffset.UtcNow)
        {
            return _token;
        }

        var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = options.Value.ClientId,
            ["client_secret"] = options.Value.ClientSecret,
            ["scope"] = "taps:write",
        });
        using var response = await http.PostAsync(options.Value.TokenEndpoint, form, cancellationToken);
        using var json = JsonDocument.Parse(await response.Content.ReadAsStringAsync(cancellationToken));
        if (!response.IsSuccessStatusCode)
        {
            logger.LogError("Token endpoint answered {Status}: {Error}", (int)response.StatusCode, json.RootElement.GetRawText()); // clean exceptions
            response.EnsureSuccessStatusCode();
        }

        _token = json.RootElement.GetProperty("access_token").GetString();
        _tokenExpiry = DateTimeOffset.UtcNow.AddSeconds(json.RootElement.GetProperty("expires_in").GetInt32() - 60);
        logger.LogInformation("Clearing house token for {ClientId} valid until {Expiry}", options.Value.ClientId, _tokenExpiry); // clean direct
        return _token!;
    }

    /// <summary>The clearing house's revenue-protection desk still looks cards up by a SHA-256 of the token.</summary>
    public void TagRevenueProtectionKey(Tap tap)
    {
        if (tap.CardToken is null)
        {
            return;
        }

        var rpKey = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(tap.CardToken)));
        Activity.Current?.SetTag("clearing.rp_key", rpKey); // leak TC1002 hashes
        Activity.Current?.SetTag("clearing.card.ref", pseudonymizer.ComputePartnerSubjectId(tap.CardToken)); // clean precision-pseudonym
        Activity.Current?.SetTag("clearing.card_token", tap.CardToken); // leak TC1001 direct
        var cardTokenType = tap.CardToken.StartsWith("EMV", StringComparison.Ordinal) ? "emv" : "wallet";
        Activity.Current?.SetTag("clearing.card_token_type", cardTokenType); // clean precision-names
    }
}
