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
using PrivacyHoldout12.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout12.Energy;

/// <summary>Registered on EnergyDbContext: reports changes to meter accounts for the vulnerability register.</summary>
public sealed partial class AccountAuditInterceptor(ILogger<AccountAuditInterceptor> logger, TelemetrySecrets secrets) : SaveChangesInterceptor
{
    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
    {
        if (eventData.Context is not EnergyDbContext context)
        {
            return ValueTask.FromResult(result);
        }

        foreach (var entry in context.ChangeTracker.Entries<MeterAccount>())
        {
            var accountNumber = entry.Property(a => a.AccountNumber).CurrentValue;
            if (entry.State == EntityState.Added)
            {
                LogAccountOpened(logger, accountNumber); // leak TC1001 direct
                continue;
            }

            if (entry.State != EntityState.Modified)
            {
                continue;
            }

            var priority = entry.Property(a => a.PriorityServices);
            if (priority.IsModified)
            {
                Activity.Current?.AddEvent(new ActivityEvent("energy.account.priority_changed", tags: new ActivityTagsCollection { ["energy.priority.now"] = priority.CurrentValue })); // clean precision-about
                logger.LogInformation("Priority services changed on {Account}", entry.OriginalValues[nameof(MeterAccount.AccountNumber)]); // leak TC1001 cross-member
            }

            var phone = entry.Property(a => a.HolderPhone);
            if (phone.IsModified)
            {
                logger.LogInformation("Holder phone replaced (was {PreviousPhone})", phone.OriginalValue); // leak TC1001 direct
            }

            var email = entry.Property(a => a.HolderEmail);
            if (email.IsModified)
            {
                var previousHolderKey = Convert.ToHexString(HMACSHA256.HashData(secrets.PseudonymKey, Encoding.UTF8.GetBytes(email.OriginalValue)));
                logger.LogInformation("Holder email replaced (previous holder key {PreviousHolderKey})", previousHolderKey); // clean hashes
                Activity.Current?.SetTag("energy.account.email_changed", true); // clean precision-about
                Activity.Current?.SetTag("energy.account.previous_email_sha", Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(email.OriginalValue)))); // leak TC1002 hashes
            }
        }

        return ValueTask.FromResult(result);
    }

    [LoggerMessage(EventId = 4301, Level = LogLevel.Information, Message = "Meter account {AccountNumber} opened")]
    private static partial void LogAccountOpened(ILogger logger, string accountNumber);
}
