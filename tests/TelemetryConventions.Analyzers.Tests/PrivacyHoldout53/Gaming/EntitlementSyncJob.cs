using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout53.Telemetry;
using Polly;
using Polly.Retry;
using Polly.Timeout;
using TelemetryConventions;

namespace PrivacyHoldout53.Gaming;

public sealed record LinkedAccount(Guid PlayerId, string Gamertag, string Platform, string PlatformAccountId, string UserToken);

public interface IWalletLedger
{
    Task<int> CreditAsync(Guid playerId, string productId, int quantity, CancellationToken cancellationToken);
}

/// <summary>
/// Moves consumables bought in the console stores into the game wallet: lists the player's unconsumed
/// entitlements, credits the wallet, then consumes them at the platform.
/// </summary>
public sealed class EntitlementSyncJob
{
    private static readonly ActivitySource Source = new("Game.Commerce.StoreSync");
    private static readonly ResiliencePropertyKey<string> AccountKey = new("store.account");
    private static readonly ResiliencePropertyKey<string> PlatformKey = new("store.platform");

    private readonly PlatformStoreClient _store;
    private readonly IWalletLedger _wallet;
    private readonly ILogger<EntitlementSyncJob> _logger;
    private readonly Pseudonymizer _pseudonymizer;
    private readonly Meter _meter;
    private readonly ResiliencePipeline _pipeline;

    public EntitlementSyncJob(PlatformStoreClient store, IWalletLedger wallet, ILogger<EntitlementSyncJob> logger, Pseudonymizer pseudonymizer, Meter meter)
    {
        _store = store;
        _wallet = wallet;
        _logger = logger;
        _pseudonymizer = pseudonymizer;
        _meter = meter;
        _pipeline = new ResiliencePipelineBuilder()
            .AddTimeout(new TimeoutStrategyOptions
            {
                Timeout = TimeSpan.FromSeconds(5),
                OnTimeout = args =>
                {
                    args.Context.Properties.TryGetValue(PlatformKey, out var platform);
                    args.Context.Properties.TryGetValue(AccountKey, out var account);
                    logger.LogWarning("Store call {Operation} on {Platform} timed out after {Timeout}", args.Context.OperationKey, platform, args.Timeout); // clean direct
                    logger.LogWarning("Store call timed out for account {Account}", account); // leak TC1001 cross-member
                    return default;
                },
            })
            .AddRetry(new RetryStrategyOptions
            {
                MaxRetryAttempts = 2,
                OnRetry = args =>
                {
                    logger.LogInformation(args.Outcome.Exception, "Store call {Operation} retry {Attempt} in {Delay}", args.Context.OperationKey, args.AttemptNumber, args.RetryDelay); // leak TC1001 exceptions
                    meter.CreatePartnerRetriesCounter().Add(1, "console-store", args.Context.OperationKey, args.Outcome.Exception?.GetType().Name); // clean exceptions
                    return default;
                },
            })
            .Build();
    }

    public async Task<int> SyncAsync(LinkedAccount account, CancellationToken cancellationToken)
    {
        var playerRef = _pseudonymizer.PseudonymizePartnerSubjectId(account.PlayerId.ToString());
        using var span = Source.StartPartnerCall("console-store", "sync-entitlements")
            .SetPartnerSubjectId(playerRef) // clean precision-pseudonym
            .SetPartnerResource($"{account.Platform}/users/{account.PlatformAccountId}"); // leak TC1001 generated-api
        Activity.Current?.SetBaggage("player.ref", playerRef.Value); // clean precision-pseudonym
        Activity.Current?.SetBaggage("store.platform", account.Platform); // clean direct
        Activity.Current?.SetBaggage("store.account", account.PlatformAccountId); // leak TC1001 direct
        var platformAccountType = account.Platform == "switch" ? "nintendo-account" : "network-account";
        Activity.Current?.SetTag("store.account_type", platformAccountType); // clean precision-names
        if ((account.PlatformAccountId.GetHashCode() & 0x3F) == 0)
        {
            Activity.Current?.SetTag("store.trace_bucket", account.PlatformAccountId.GetHashCode() & 0x3F); // leak TC1002 hashes
        }

        var context = ResilienceContextPool.Shared.Get("store.list-entitlements", cancellationToken);
        context.Properties.Set(PlatformKey, account.Platform);
        context.Properties.Set(AccountKey, account.PlatformAccountId);
        try
        {
            var entitlements = await _pipeline.ExecuteAsync(async ctx => await _store.GetEntitlementsAsync(account.PlatformAccountId, account.UserToken, ctx.CancellationToken), context);
            var credited = 0;
            foreach (var entitlement in entitlements.Where(e => e.Active && e.UseCount > 0))
            {
                credited += await _wallet.CreditAsync(account.PlayerId, entitlement.ProductId, entitlement.UseCount, cancellationToken);
                await _store.ConsumeAsync(account.PlatformAccountId, account.UserToken, entitlement.EntitlementId, entitlement.UseCount, cancellationToken);
                _logger.LogInformation("Credited {Quantity} x {Product} from {Platform}", entitlement.UseCount, entitlement.ProductId, account.Platform); // clean direct
            }

            span.SetPartnerOutcome("ok").SetPartnerNote($"credited {credited} from {entitlements.Count} entitlements"); // clean precision-about
            _logger.LogInformation("Synced store purchases for {Gamertag}: {Credited} items", account.Gamertag, credited); // leak TC1001 cross-member
            _meter.CreatePartnerCallDurationHistogram().Record(0, "console-store", "sync-entitlements", 200, account.Platform); // clean direct
            return credited;
        }
        catch (PlatformStoreException ex) when (ex.Code is >= 2240000 and < 2241000)
        {
            // Account errors: the platform's message names the account ("User <id> has not linked ...").
            span.RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            _logger.LogPartnerCallRejectedEvent("console-store", (int)ex.Status, ex.Code.ToString(), playerRef, partnerNote: ex.Message); // leak TC1001 exceptions
            _logger.LogWarning("Account error {Code}, platform reference {Reference}", ex.Code, ex.ReferenceId); // clean exceptions
            return 0;
        }
        catch (PlatformStoreException ex)
        {
            span.RecordException(ex); // clean exceptions
            _logger.LogPartnerCallRejectedEvent("console-store", (int)ex.Status, ex.Code.ToString(), partnerNote: $"store rejected sync for {account.Gamertag}"); // leak TC1001 generated-api
            _meter.CreatePartnerRetriesCounter().Add(1, "console-store", "sync-entitlements", $"rejected:{account.Gamertag}"); // leak TC1003 strings
            return 0;
        }
        catch (TimeoutRejectedException ex)
        {
            _logger.LogWarning(ex, "Store sync timed out on {Platform}", account.Platform); // clean exceptions
            return 0;
        }
        finally
        {
            ResilienceContextPool.Shared.Return(context);
        }
    }

    /// <summary>The correlation id the platform's support desk asks for: stable per account and day.</summary>
    public string SupportCorrelationId(LinkedAccount account)
    {
        // The platform's account id is an opaque number already, so the link span uses it as the reference.
        Activity.Current?.EnrichPartnerCall("console-store", "support-correlation").SetPartnerSubjectId(Pseudonym.FromComputed(account.PlatformAccountId)); // leak TC1001 precision-pseudonym
        _logger.LogDebug("Support tag {Tag}", Convert.ToBase64String(Encoding.UTF8.GetBytes(account.Gamertag))); // leak TC1001 hashes
        var correlation = Convert.ToHexString(MD5.HashData(Encoding.UTF8.GetBytes($"{account.PlatformAccountId}:{DateTime.UtcNow:yyyyMMdd}")));
        _logger.LogInformation("Support correlation id {Correlation} issued", correlation); // leak TC1002 hashes
        var gamertagLength = account.Gamertag.Length;
        _logger.LogDebug("Gamertag length {GamertagLength}, platform {Platform}", gamertagLength, account.Platform); // clean precision-about
        return correlation;
    }
}
