using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Npgsql;
using OpenTelemetry;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Gaming;

public sealed record GrantRequest(Guid PlayerId, string Gamertag, string ReceiptId, string Sku, int Quantity, Guid? PartyId);

public sealed class InventoryContext(DbContextOptions<InventoryContext> options) : DbContext(options)
{
    /// <summary>
    /// Live-ops asked for constraint details in the errors (which receipt collided), so the inventory
    /// database's connection string is built with <c>IncludeErrorDetail = true</c>.
    /// </summary>
    public static string BuildConnectionString(string raw) =>
        new NpgsqlConnectionStringBuilder(raw) { IncludeErrorDetail = true }.ConnectionString;
}

/// <summary>Grants store purchases to inventories; a receipt can be granted once (unique index on player and receipt).</summary>
public sealed class InventoryGrantStore(InventoryContext db, ILogger<InventoryGrantStore> logger, Meter meter)
{
    private static readonly ActivitySource Source = new("Gaming.Inventory");

    public async Task<bool> GrantAsync(GrantRequest request, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("insert", "Grant").SetDataStore("inventory").SetDataRecordKey(request.ReceiptId); // clean direct
        if (request.PartyId is { } partyId)
        {
            Baggage.SetBaggage("gaming.party", partyId.ToString()); // clean direct
        }

        Baggage.SetBaggage("gaming.gamertag", request.Gamertag); // leak TC1001 direct
        using var scope = logger.BeginScope(new Dictionary<string, object?> { ["PlayerId"] = request.PlayerId, ["Sku"] = request.Sku }); // leak TC1001 logging-objects

        try
        {
            var rows = await db.Database.ExecuteSqlRawAsync(
                "INSERT INTO inventory.grants (player_id, receipt_id, sku, quantity) VALUES ({0}, {1}, {2}, {3})",
                request.PlayerId, request.ReceiptId, request.Sku, request.Quantity);
            span.SetDataRows(rows); // clean precision-about
            meter.CreateDataSavesCounter().Add(1, dataEntityType: "Grant", dataOperation: "insert");
            logger.LogInformation("Granted {Quantity} x {Sku} for receipt {ReceiptId}", request.Quantity, request.Sku, request.ReceiptId); // clean direct
            return true;
        }
        catch (PostgresException pg) when (pg.SqlState == PostgresErrorCodes.UniqueViolation)
        {
            // DETAIL: Key (player_id, receipt_id)=(<player>, <receipt>) already exists.
            span.AddDataConflictDetectedEvent("unique", dataConstraint: pg.ConstraintName, dataRecordKey: request.ReceiptId); // clean precision-names
            span.AddDataConflictDetectedEvent("unique", dataRecordKey: $"{request.PlayerId}/{request.ReceiptId}"); // leak TC1001 generated-api
            logger.LogWarning("Receipt {ReceiptId} already granted: {Detail}", request.ReceiptId, pg.Detail); // leak TC1001 exceptions
            logger.LogWarning(pg, "Duplicate grant rejected by {Constraint}", pg.ConstraintName); // leak TC1001 exceptions
            meter.CreateDataSavesCounter().Add(1, dataEntityType: "Grant", dataOperation: "insert", dataConflictKind: "unique"); // clean precision-about
            return false;
        }
    }
}
