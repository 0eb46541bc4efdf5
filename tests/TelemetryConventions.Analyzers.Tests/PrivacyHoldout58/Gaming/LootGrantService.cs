using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout58.Telemetry;
using Sentry;
using TelemetryConventions;

namespace PrivacyHoldout58.Gaming;

/// <summary>Grants items bought in the store or earned in a match.</summary>
public sealed class LootGrantService(
    IInventory inventory,
    IBanList bans,
    IPlatformStore store,
    IHub sentry,
    Pseudonymizer pseudonymizer,
    ILogger<LootGrantService> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Arena.Loot");

    private readonly LootGrantsCounter _grants = meter.CreateLootGrantsCounter();
    private readonly Counter<long> _grantErrors = meter.CreateCounter<long>("loot.grant.errors");

    public async Task<LootGrantOutcome> GrantAsync(Player player, string sku, CancellationToken cancellationToken)
    {
        var playerRef = pseudonymizer.PseudonymizeLootPlayerId(player.AccountId.ToString());
        using var span = Source.StartLootGrant(playerRef, sku); // clean precision-pseudonym
        sentry.AddBreadcrumb($"grant {sku}", "loot"); // clean direct

        try
        {
            bans.EnsureNotBanned(player);
            await inventory.AddAsync(player.AccountId, sku, cancellationToken);
            span.SetLootGrantOutcome(LootGrantOutcome.Granted);
            _grants.Add(1, LootGrantOutcome.Granted); // clean precision-about
            return LootGrantOutcome.Granted;
        }
        catch (PlayerBannedException ex)
        {
            span.SetLootGrantOutcome(LootGrantOutcome.Rejected).SetLootErrorCode(ex.Code); // clean exceptions
            span.SetLootNote($"ban {ex.ReasonCode} until {ex.Until:yyyy-MM-dd}"); // clean generated-api
            logger.LogLootGrantFailedEvent(sku, ex.Code, playerRef, ex.Message); // leak TC1001 generated-api
            logger.LogWarning("Banned player {Gamertag} tried to claim {Sku}", ex.Gamertag, sku); // leak TC1001 cross-member
            span.Activity?.SetTag(LootAttributes.PlayerGamertag, ex.Gamertag); // leak TC1001 cross-member
            sentry.ConfigureScope(scope => scope.SetFingerprint(new[] { ex.Code, Convert.ToHexString(SHA1.HashData(Encoding.UTF8.GetBytes(ex.Gamertag)))[..8] })); // leak TC1002 hashes
            _grants.Add(1, LootGrantOutcome.Rejected, ex.Code); // clean precision-about
            return LootGrantOutcome.Rejected;
        }
        catch (InventoryFullException ex)
        {
            span.SetLootGrantOutcome(LootGrantOutcome.Rejected).SetLootErrorCode(ex.Code).SetLootNote(ex.Message); // clean generated-api
            sentry.ConfigureScope(scope => scope.SetFingerprint(new[] { ex.GetType().Name, ex.Code })); // clean precision-names
            return LootGrantOutcome.Rejected;
        }
        catch (GrantConflictException ex)
        {
            span.SetLootGrantOutcome(LootGrantOutcome.Failed).RecordException(ex, includeMessage: true); // leak TC1001 exceptions
            sentry.CaptureException(ex, scope => scope.SetTag("sku", sku)); // leak TC1001 exceptions
            _grantErrors.Add(1, new KeyValuePair<string, object?>("error.message", ex.Message)); // leak TC1003 exceptions
            logger.LogWarning("Grant conflict on {Sku}, caused by {Cause}", sku, ex.InnerException?.GetType().Name); // clean precision-names
            return LootGrantOutcome.Failed;
        }
        catch (Exception ex) when (ex is TimeoutException or OperationCanceledException)
        {
            span.SetLootGrantOutcome(LootGrantOutcome.Failed).RecordException(ex, includeMessage: true); // clean exceptions
            _grantErrors.Add(1, new KeyValuePair<string, object?>("error.type", ex.GetType().Name)); // clean precision-names
            sentry.CaptureException(ex); // clean exceptions
            throw;
        }
    }

    public async Task<string?> RedeemReceiptAsync(Player player, string platform, string receipt, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("loot.receipt.redeem");
        activity?.SetTag("platform", platform);
        activity?.SetTag(LootAttributes.PlayerId, pseudonymizer.ComputeLootPlayerId(player.AccountId.ToString())); // clean precision-pseudonym
        try
        {
            return await store.VerifyReceiptAsync(platform, receipt, cancellationToken);
        }
        catch (StoreReceiptException ex)
        {
            activity?.AddException(ex); // clean exceptions
            _grantErrors.Add(1, new KeyValuePair<string, object?>("error.message", ex.Message)); // clean exceptions
            logger.LogWarning(ex, "Receipt rejected by {Platform} ({Status})", ex.Platform, ex.StatusCode); // clean exceptions
            activity?.SetTag("receipt.length", receipt.Length); // clean precision-about
            activity?.SetTag("loot.player.gamertag.present", !string.IsNullOrEmpty(player.Gamertag)); // clean precision-about
            sentry.CaptureException(ex, scope => scope.SetExtra("receipt", receipt)); // leak TC1001 direct
            return null;
        }
    }
}
