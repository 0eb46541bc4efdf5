using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Linq;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.Logging;
using PrivacyHoldout29.Support.Crm;
using PrivacyHoldout29.Support.Workflows;
using PrivacyHoldout29.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout29.Retail;

public sealed record LoyaltyCustomer(string CustomerNumber, string LoyaltyCardNumber, string Email, string? Phone, string Tier, string HomeStoreId, bool EmailOptIn, bool SmsOptIn);

public interface ILoyaltyCustomers
{
    Task<LoyaltyCustomer?> ByCustomerNumberAsync(string customerNumber, CancellationToken cancellationToken);

    Task SaveAsync(LoyaltyCustomer customer, CancellationToken cancellationToken);
}

/// <summary>Maps CRM contact properties onto the loyalty customer; opt-ins changed by the CRM's preference page win.</summary>
public static class LoyaltyMapping
{
    public static (LoyaltyCustomer Updated, IReadOnlyList<string> Changed) Apply(LoyaltyCustomer current, CrmContact contact)
    {
        var changed = new List<string>();
        var updated = current;
        if (contact.Email is { } email && !string.Equals(email, current.Email, StringComparison.OrdinalIgnoreCase))
        {
            updated = updated with { Email = email };
            changed.Add(nameof(LoyaltyCustomer.Email));
        }

        if (contact.Properties.GetValueOrDefault("email_opt_in") is { } optIn && bool.Parse(optIn) != current.EmailOptIn)
        {
            updated = updated with { EmailOptIn = bool.Parse(optIn) };
            changed.Add(nameof(LoyaltyCustomer.EmailOptIn));
        }

        return (updated, changed);
    }
}

/// <summary>Every fifteen minutes: pulls contacts changed in the CRM and applies them to the loyalty database.</summary>
public sealed class CustomerCrmPull(ICrmClient crm, ILoyaltyCustomers customers, Pseudonymizer pseudonymizer, Meter meter, ILogger<CustomerCrmPull> logger) : IRecurringJob
{
    private static readonly ActivitySource Source = new("Retail.Crm");
    private DateTimeOffset _watermark = DateTimeOffset.MinValue;

    public string JobName => "crm-pull";

    public async Task RunAsync(CancellationToken cancellationToken)
    {
        var records = meter.CreateCrmSyncRecordsCounter();
        using var span = Source.StartCrmSync("contact");
        span.SetCrmSyncDirection("pull");
        Activity.Current?.SetTag("crm.watermark", _watermark);

        await foreach (var contact in crm.ChangedSinceAsync(_watermark, cancellationToken))
        {
            var customerNumber = contact.Properties.GetValueOrDefault("customer_number");
            if (customerNumber is null)
            {
                logger.LogDebug("Contact without a customer number skipped, lifecycle {Stage}", contact.LifecycleStage); // clean precision-names
                continue;
            }

            var current = await customers.ByCustomerNumberAsync(customerNumber, cancellationToken);
            if (current is null)
            {
                logger.LogWarning("CRM contact points at unknown customer {CustomerNumber}", customerNumber); // leak TC1001 direct
                span.AddCrmSyncConflictEvent("contact", crmOutcome: "unknown-customer");
                continue;
            }

            var (updated, changed) = LoyaltyMapping.Apply(current, contact);
            if (changed.Count == 0)
            {
                continue;
            }

            await customers.SaveAsync(updated, cancellationToken);
            records.Add(1, "contact", crmOutcome: string.Join("+", changed)); // clean precision-names
            logger.LogInformation("Applied {Changed} from the CRM to {CustomerRef}", changed, pseudonymizer.ComputeCrmContactId(customerNumber)); // clean precision-pseudonym
            logger.LogDebug("Loyalty customer after CRM pull: {Customer}", updated); // leak TC1001 logging-objects
            Activity.Current?.SetTag("crm.contact.properties", JsonSerializer.Serialize(contact.Properties)); // leak TC1001 logging-objects
            Activity.Current?.SetTag("crm.contact.property_names", string.Join(",", contact.Properties.Keys)); // clean precision-names
            _watermark = contact.UpdatedAt > _watermark ? contact.UpdatedAt : _watermark;
        }

        span.SetCrmOutcome($"watermark {_watermark:O}"); // clean strings
    }
}
