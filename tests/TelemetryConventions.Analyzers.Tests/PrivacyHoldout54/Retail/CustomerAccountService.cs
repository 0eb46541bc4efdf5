using System.Text.Json.Nodes;
using AutoMapper;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Retail;

public sealed record CustomerSnapshot(string CustomerNumber, Email Email, string? Phone, string Tier, string HomeStore, bool MarketingOptIn);

public sealed record CustomerUpdated(string CustomerNumber, string Email, string Tier);

public sealed class CustomerView
{
    public string Tier { get; set; } = "";

    public string HomeStore { get; set; } = "";

    public bool MarketingOptIn { get; set; }
}

public sealed class CustomerProfile : Profile
{
    public CustomerProfile()
    {
        CreateMap<CustomerSnapshot, CustomerUpdated>()
            .ForMember(d => d.Email, o => o.MapFrom(s => s.Email.Value));
        CreateMap<CustomerSnapshot, CustomerView>();
    }
}

/// <summary>One changed member; prints the member's name only.</summary>
public sealed record PropertyChange(string Name, object? Before, object? After)
{
    public override string ToString() => $"{Name} changed";
}

/// <summary>All changes between two snapshots; prints each as "Name: before -> after".</summary>
public sealed class ChangeSet(IReadOnlyList<PropertyChange> changes)
{
    public IReadOnlyList<PropertyChange> Changes { get; } = changes;

    public int Count => Changes.Count;

    public override string ToString() => string.Join("; ", Changes.Select(c => $"{c.Name}: {c.Before} -> {c.After}"));

    public static ChangeSet Compare<T>(T before, T after) => new(
        typeof(T).GetProperties()
            .Select(p => new PropertyChange(p.Name, p.GetValue(before), p.GetValue(after)))
            .Where(c => !Equals(c.Before, c.After))
            .ToList());
}

public sealed class CustomerAccountService(ILogger<CustomerAccountService> logger, IMapper mapper, ActivitySource source, Pseudonymizer pseudonymizer)
{
    public void Update(CustomerSnapshot before, CustomerSnapshot after)
    {
        using var span = source.StartModelOperation("update", nameof(CustomerSnapshot));
        var activity = span.Activity;
        span.SetModelSubjectId(pseudonymizer.PseudonymizeModelSubjectId(after.CustomerNumber)); // clean precision-pseudonym

        var changes = ChangeSet.Compare(before, after);
        span.SetModelChangeCount(changes.Count);
        logger.LogInformation("Customer changed: {Changes}", changes.Changes); // clean logging-objects
        logger.LogInformation("Customer changed: {Changes}", changes); // leak TC1001 logging-objects
        span.AddModelChangedEvent(nameof(CustomerSnapshot), modelChanges: string.Join(",", changes.Changes.Select(c => c.Name))); // clean generated-api
        span.SetModelNote(changes.ToString()); // leak TC1001 generated-api

        var updated = mapper.Map<CustomerUpdated>(after);
        activity?.SetTag("shop.customer.email", updated.Email); // leak TC1001 cross-member
        activity?.SetTag("shop.customer.tier", updated.Tier); // clean cross-member
        var view = mapper.Map<CustomerView>(after);
        logger.LogInformation("View {@View}", view); // clean logging-objects

        var properties = new JsonObject
        {
            ["tier"] = after.Tier,
            ["store"] = after.HomeStore,
            ["marketing"] = after.MarketingOptIn,
        };
        activity?.SetTag("shop.customer.properties", properties.ToJsonString()); // clean logging-objects
        properties["customer"] = after.CustomerNumber;
        logger.LogInformation("CRM sync {Properties}", properties.ToJsonString()); // leak TC1001 logging-objects

        if (after.Phone is not null && before.Phone != after.Phone)
        {
            logger.LogInformation("Phone changed, country prefix {Prefix}", after.Phone[..3]); // clean precision-about
        }
    }
}
