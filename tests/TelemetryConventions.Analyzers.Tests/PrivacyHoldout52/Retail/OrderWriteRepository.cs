using System;
using System.Collections.Generic;
using System.Data;
using System.Data.Common;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Retail;

public sealed record OrderLine(string Sku, int Quantity, decimal UnitPrice);

public sealed record PlaceOrder(string CustomerNumber, string StoreCode, string? LoyaltyCardNumber, IReadOnlyList<OrderLine> Lines);

public interface IShopConnectionFactory
{
    Task<DbConnection> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>Writes orders with Dapper in one ADO.NET transaction (order header, lines, loyalty accrual).</summary>
public sealed class OrderWriteRepository(IShopConnectionFactory connections, ILogger<OrderWriteRepository> logger, Pseudonymizer pseudonymizer, Meter meter)
{
    private static readonly ActivitySource Source = new("Retail.Orders");

    public async Task<string> PlaceAsync(PlaceOrder command, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("insert", nameof(Order)).SetDataStore("shop");
        await using var connection = await connections.OpenAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);

        var orderNumber = $"ORD-{DateTime.UtcNow:yyyyMMdd}-{await connection.ExecuteScalarAsync<long>("SELECT NEXT VALUE FOR shop.order_numbers", transaction: transaction):D6}";
        span.SetDataRecordKey(orderNumber); // clean direct

        try
        {
            var orderId = await connection.ExecuteScalarAsync<long>(
                "INSERT INTO shop.orders (order_number, customer_id, store_code, total) OUTPUT inserted.id SELECT @OrderNumber, c.id, @StoreCode, @Total FROM shop.customers c WHERE c.customer_number = @CustomerNumber",
                new { OrderNumber = orderNumber, command.StoreCode, Total = command.Lines.Sum(l => l.Quantity * l.UnitPrice), command.CustomerNumber },
                transaction);

            var lineRows = await connection.ExecuteAsync(
                "INSERT INTO shop.order_lines (order_id, sku, quantity, unit_price) VALUES (@OrderId, @Sku, @Quantity, @UnitPrice)",
                command.Lines.Select(l => new { OrderId = orderId, l.Sku, l.Quantity, l.UnitPrice }),
                transaction);

            logger.LogInformation("Order {OrderNumber} with {Lines} lines at store {StoreCode}", orderNumber, lineRows, command.StoreCode); // clean direct
            logger.LogDebug("Order lines {@Lines}", command.Lines); // clean logging-objects

            if (command.LoyaltyCardNumber is { } card)
            {
                var accrual = new DynamicParameters();
                accrual.Add("@CardNumber", card);
                accrual.Add("@OrderNumber", orderNumber);
                accrual.Add("@Points", dbType: DbType.Int32, direction: ParameterDirection.Output);
                await connection.ExecuteAsync("loyalty.usp_Accrue", accrual, transaction, commandType: CommandType.StoredProcedure);
                span.SetDataNote($"accrued {accrual.Get<int>("@Points")} points"); // clean generated-api
                logger.LogInformation("Accrued points on card {CardNumber}", card); // leak TC1001 direct
            }

            await transaction.CommitAsync(cancellationToken);
            meter.CreateDataSavesCounter().Add(1, dataEntityType: nameof(Order), dataOperation: "insert");
            logger.LogInformation("Order placed for customer {CustomerRef}", pseudonymizer.ComputeDataSubjectId(command.CustomerNumber)); // clean precision-pseudonym
            return orderNumber;
        }
        catch (DbException ex)
        {
            await transaction.RollbackAsync(cancellationToken);
            span.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            logger.LogError(ex, "Order {OrderNumber} rolled back for {@Command}", orderNumber, command); // leak TC1001 logging-objects
            throw;
        }
    }

    public async Task<int> CountOpenOrdersAsync(string customerNumber, CancellationToken cancellationToken)
    {
        await using var connection = await connections.OpenAsync(cancellationToken);
        var open = await connection.ExecuteScalarAsync<int>("SELECT COUNT(*) FROM shop.orders o JOIN shop.customers c ON c.id = o.customer_id WHERE c.customer_number = @customerNumber AND o.status = 'open'", new { customerNumber });
        Activity.Current?.SetTag("retail.customer.open_orders", open); // clean precision-names
        meter.CreateDataQueryDurationHistogram().Record(0.0, dataQueryName: "CountOpenOrders", dataSubjectId: pseudonymizer.PseudonymizeDataSubjectId(customerNumber)); // leak TC1003 precision-pseudonym
        TagList tags = default;
        tags.Add("retail.customer", customerNumber);
        meter.CreateCounter<long>("retail.open_order_checks").Add(1, tags); // leak TC1003 direct
        return open;
    }
}

public sealed class SeederOptions
{
    public string AdminEmail { get; set; } = string.Empty;

    public string[] StoreCodes { get; set; } = [];
}

/// <summary>Seeds reference data and the bootstrap back-office admin on a fresh database.</summary>
public sealed class ShopSeeder(ShopContext db, IOptions<SeederOptions> options, ILogger<ShopSeeder> logger)
{
    public async Task SeedAsync(CancellationToken cancellationToken)
    {
        var seeded = 0;
        foreach (var code in options.Value.StoreCodes)
        {
            if (await db.Set<Store>().FindAsync(code) is null)
            {
                db.Set<Store>().Add(new Store { Code = code, Name = code, Region = "unassigned" });
                seeded++;
            }
        }

        await db.SaveChangesAsync(cancellationToken);
        logger.LogInformation("Seeded {Count} stores: {StoreCodes}", seeded, string.Join(",", options.Value.StoreCodes)); // clean precision-names

        var adminEmail = options.Value.AdminEmail;
        logger.LogInformation("Bootstrap admin mailbox is at {Domain}", adminEmail.Split('@')[^1]); // clean precision-about
        logger.LogInformation("Bootstrap admin invitation sent to {AdminEmail}", adminEmail); // leak TC1001 direct
    }
}
