using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout45.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout45.Gaming;

// Prepaid game cards are sold in shops; the 16-character code under the scratch panel adds their
// value to the wallet of the player who redeems it. A code that matches no card is what the player
// typed.

public sealed record RedemptionRequest(Guid PlayerId, string Code, string Platform);

public sealed record PrepaidCard(string CardId, string Code, string Retailer, decimal Value, bool Redeemed);

public interface IPrepaidCardStore
{
    Task<PrepaidCard?> FindByCodeAsync(string code, CancellationToken cancellationToken);

    Task<decimal> RedeemAsync(string cardId, Guid playerId, CancellationToken cancellationToken);
}

public sealed partial class PrepaidCardRedemptionHandler(IPrepaidCardStore cards, Meter meter, Pseudonymizer pseudonymizer, ILogger<PrepaidCardRedemptionHandler> logger)
{
    private readonly Counter<long> _redemptions = meter.CreateCounter<long>("wallet.prepaid.redemptions");

    public async Task<decimal?> RedeemAsync(RedemptionRequest request, CancellationToken cancellationToken)
    {
        var code = request.Code.Trim().Replace("-", string.Empty).ToUpperInvariant();
        var card = await cards.FindByCodeAsync(code, cancellationToken);
        if (card is null)
        {
            logger.LogWarning("No prepaid card for code '{Code}' typed on {Platform}", request.Code, request.Platform); // leak TC1001 direct
            logger.LogWarning("No prepaid card for a {Length}-character code", code.Length); // clean precision-about
            return null;
        }

        if (card.Redeemed)
        {
            CodeReused(logger, code, card.CardId); // clean direct
            return null;
        }

        var balance = await cards.RedeemAsync(card.CardId, request.PlayerId, cancellationToken);
        Activity.Current?.SetTag("wallet.prepaid.card_id", card.CardId); // clean precision-about
        Activity.Current?.SetTag("wallet.prepaid.code", code); // leak TC1001 direct
        Activity.Current?.SetTag(AccountAttributes.HolderId, pseudonymizer.ComputeAccountHolderId(request.PlayerId.ToString())); // clean precision-pseudonym
        _redemptions.Add(1, new KeyValuePair<string, object?>("wallet.prepaid.retailer", card.Retailer), new KeyValuePair<string, object?>("wallet.platform", request.Platform)); // clean precision-about
        _redemptions.Add(1, new KeyValuePair<string, object?>("wallet.player", pseudonymizer.ComputeAccountHolderId(request.PlayerId.ToString()))); // leak TC1003 precision-pseudonym
        return balance;
    }

    [LoggerMessage(EventId = 7301, Level = LogLevel.Warning, Message = "Prepaid code {Code} already redeemed (card {CardId})")]
    private static partial void CodeReused(ILogger logger, [PrivateData] string code, string cardId);
}
