using System;
using System.Diagnostics;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout12.Support;
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Retail;

/// <summary>Turns deletes of soft-deletable rows into updates (registered on ShopDbContext).</summary>
public sealed partial class SoftDeleteInterceptor(ILogger<SoftDeleteInterceptor> logger, TimeProvider clock) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is null)
        {
            return ValueTask.FromResult(result);
        }

        var deleted = eventData.Context.ChangeTracker.Entries().Where(e => e.State == EntityState.Deleted && e.Entity is ISoftDeletable).ToList();
        foreach (var entry in deleted)
        {
            entry.State = EntityState.Modified;
            var row = (ISoftDeletable)entry.Entity;
            row.IsDeleted = true;
            row.DeletedAt = clock.GetUtcNow();

            var key = entry.Metadata.FindPrimaryKey()!.Properties.Select(p => entry.Property(p.Name).CurrentValue).ToArray();
            logger.LogInformation("Soft-deleted {EntityType} {Key}", entry.Metadata.ShortName(), key); // leak TC1001 cross-member
            Activity.Current?.AddEvent(new ActivityEvent("shop.soft_delete", tags: new ActivityTagsCollection { ["shop.entity"] = entry.Metadata.ShortName(), ["shop.is_deleted"] = row.IsDeleted })); // clean precision-about
        }

        return ValueTask.FromResult(result);
    }
}

public sealed partial class LoyaltyClosureService(
    ShopDbContext db,
    ILogger<LoyaltyClosureService> logger,
    Pseudonymizer pseudonymizer,
    TelemetrySecrets secrets)
{
    private static readonly ActivitySource Source = new("Shop.Loyalty");

    public async Task<Result> CloseAsync(string loyaltyCardNumber, string closureReason, CancellationToken cancellationToken)
    {
        var customer = await db.Customers.FirstOrDefaultAsync(c => c.LoyaltyCardNumber == loyaltyCardNumber && !c.IsDeleted, cancellationToken);
        if (customer is null)
        {
            LogUnknownCard(logger, loyaltyCardNumber[^4..]); // clean precision-about
            return Result.Failure(Error.NotFound("loyalty.unknown_card", "No open membership has this card"));
        }

        using var save = Source.StartPersistenceSave(nameof(Customer)); // clean generated-api
        save.SetPersistenceSubjectId(pseudonymizer.PseudonymizePersistenceSubjectId(customer.CustomerNumber)); // clean precision-pseudonym
        save.SetPersistenceDetail(closureReason); // clean direct
        db.Customers.Remove(customer);
        await db.SaveChangesAsync(cancellationToken);

        var cardHash = customer.LoyaltyCardNumber.GetHashCode();
        logger.LogInformation("Loyalty card {CardHash} closed", cardHash); // leak TC1002 hashes
        var cohort = HMACSHA256.HashData(secrets.ShardKey, Encoding.UTF8.GetBytes(customer.CustomerNumber))[0] & 0x0F;
        Activity.Current?.SetTag("shop.customer.cohort", cohort); // clean hashes
        LogClosed(logger, customer.Email, closureReason); // leak TC1001 direct
        return Result.Success();
    }

    [LoggerMessage(EventId = 7201, Level = LogLevel.Information, Message = "No open membership for card ending {CardLastFour}")]
    private static partial void LogUnknownCard(ILogger logger, string cardLastFour);

    [LoggerMessage(EventId = 7202, Level = LogLevel.Information, Message = "Membership of {Email} closed: {ClosureReason}")]
    private static partial void LogClosed(ILogger logger, string email, string closureReason);
}
