using System;
using System.Collections.Generic;
using System.Data.Common;
using System.Diagnostics;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Dapper;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyHoldout52.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout52.Retail;

public sealed class Customer
{
    public int Id { get; set; }

    public string CustomerNumber { get; set; } = string.Empty;

    public string Email { get; set; } = string.Empty;

    public string? PhoneE164 { get; set; }

    public string? LoyaltyCardNumber { get; set; }

    public string CustomerTier { get; set; } = "standard";

    public bool MarketingOptIn { get; set; }

    public bool IsDeleted { get; set; }
}

public sealed class Order
{
    public long Id { get; set; }

    public string OrderNumber { get; set; } = string.Empty;

    public int CustomerId { get; set; }

    public string StoreCode { get; set; } = string.Empty;

    public decimal Total { get; set; }
}

public sealed class Store
{
    public string Code { get; set; } = string.Empty;

    public string Name { get; set; } = string.Empty;

    public string Region { get; set; } = string.Empty;
}

public sealed class ShopContext(DbContextOptions<ShopContext> options) : DbContext(options)
{
    public DbSet<Customer> Customers => Set<Customer>();

    public DbSet<Order> Orders => Set<Order>();

    public DbSet<Store> Stores => Set<Store>();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Customer>().HasQueryFilter(c => !c.IsDeleted);
        modelBuilder.Entity<Customer>().HasIndex(c => c.Email).IsUnique().HasDatabaseName("UX_Customers_Email");
    }
}

/// <summary>Logs the shop context's slow commands. Its queries are all parameterised and tagged with fixed names.</summary>
public sealed class ShopSlowQueryInterceptor(ILogger<ShopSlowQueryInterceptor> logger) : DbCommandInterceptor
{
    public override ValueTask<DbDataReader> ReaderExecutedAsync(DbCommand command, CommandExecutedEventData eventData, DbDataReader result, CancellationToken cancellationToken = default)
    {
        if (eventData.Duration.TotalMilliseconds > 300)
        {
            logger.LogWarning("Slow shop query ({ElapsedMs} ms): {CommandText}", eventData.Duration.TotalMilliseconds, command.CommandText); // clean strings
            Activity.Current?.SetTag("db.parameter_count", command.Parameters.Count); // clean precision-about
        }

        return ValueTask.FromResult(result);
    }
}

/// <summary>The generic repository the shop uses for orders and stores.</summary>
public class EfRepository<TEntity>(ShopContext db, ILogger<EfRepository<TEntity>> logger)
    where TEntity : class
{
    public async Task<TEntity?> GetByKeyAsync(object key, CancellationToken cancellationToken)
    {
        var entity = await db.Set<TEntity>().FindAsync(key);
        logger.LogDebug("Loaded {EntityType} {Key}: {Found}", typeof(TEntity).Name, key, entity is not null); // clean cross-member
        return entity;
    }
}

public sealed class OrderLookup(EfRepository<Order> orders, EfRepository<Store> stores)
{
    public async Task<(Order?, Store?)> GetAsync(long orderId, string storeCode, CancellationToken cancellationToken) =>
        (await orders.GetByKeyAsync(orderId, cancellationToken), await stores.GetByKeyAsync(storeCode, cancellationToken));
}

public sealed class CustomerRepository(ShopContext db, IShopConnectionFactory connections, ILogger<CustomerRepository> logger, Pseudonymizer pseudonymizer)
{
    private static readonly ActivitySource Source = new("Retail.Customers");

    public async Task<Customer?> GetByEmailAsync(string email, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("query", nameof(Customer)).SetDataQueryName("GetCustomerByEmail");
        var customer = await db.Customers.TagWith("GetCustomerByEmail").AsNoTracking().FirstOrDefaultAsync(c => c.Email == email, cancellationToken);
        if (customer is null)
        {
            logger.LogInformation("No customer for email at {Domain}", email[(email.IndexOf('@') + 1)..]); // clean precision-about
            return null;
        }

        span.SetDataSubjectId(pseudonymizer.PseudonymizeDataSubjectId(customer.CustomerNumber)); // clean precision-pseudonym
        logger.LogDebug("Customer {@Customer} loaded", customer); // leak TC1001 logging-objects
        Activity.Current?.SetTag("retail.customer_tier", customer.CustomerTier); // clean precision-names
        return customer;
    }

    public async Task<Customer?> GetByPhoneAsync(string phoneE164, CancellationToken cancellationToken)
    {
        const string sql = "SELECT * FROM shop.customers WHERE phone_e164 = {0}";
        logger.LogDebug("Phone lookup with {Sql}", sql); // clean precision-names
        var customer = await db.Customers.FromSqlRaw(sql, phoneE164).FirstOrDefaultAsync(cancellationToken);
        Activity.Current?.SetTag("retail.phone.country", phoneE164[..3]); // clean precision-about
        Activity.Current?.SetTag("retail.phone", phoneE164); // leak TC1001 direct
        return customer;
    }

    public async Task<Customer?> GetByLoyaltyCardAsync(string cardNumber, CancellationToken cancellationToken)
    {
        // Legacy till integration: the card table is a linked-server view the driver cannot parameterise through,
        // so the lookup goes round the context with a plain connection.
        var sql = "SELECT c.* FROM shop.customers c JOIN legacy.loyalty_cards l ON l.customer_id = c.id WHERE l.card_number = '" + cardNumber + "'";
        logger.LogDebug("Loyalty lookup: {Sql}", sql); // leak TC1001 strings
        await using var connection = await connections.OpenAsync(cancellationToken);
        var customer = await connection.QueryFirstOrDefaultAsync<Customer>(sql);
        Activity.Current?.SetTag("retail.loyalty.card_suffix", cardNumber[^4..]); // clean precision-about
        return customer;
    }

    public async Task<bool> RegisterAsync(Customer customer, CancellationToken cancellationToken)
    {
        using var span = Source.StartDataOperation("insert", nameof(Customer));
        db.Customers.Add(customer);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
            span.SetDataRecordKey(customer.CustomerNumber); // leak TC1001 generated-api
            return true;
        }
        catch (DbUpdateException ex)
        {
            // SQL Server 2601: "Cannot insert duplicate key row in object 'shop.customers' with unique index 'UX_Customers_Email'. The duplicate key value is (<email>)."
            span.AddDataConflictDetectedEvent("unique", dataConstraint: "UX_Customers_Email"); // clean precision-names
            logger.LogWarning("Registration rejected: {Reason}", ex.GetBaseException().Message); // leak TC1001 exceptions
            logger.LogWarning("Registration rejected by {ExceptionType} with {Entries} entries", ex.GetBaseException().GetType().Name, ex.Entries.Count); // clean exceptions
            return false;
        }
    }
}
