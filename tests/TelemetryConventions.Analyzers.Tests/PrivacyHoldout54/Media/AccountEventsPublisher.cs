using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;
using Microsoft.Extensions.Logging;
using PrivacyHoldout54.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout54.Media;

/// <summary>A subscriber's email; prints masked.</summary>
public sealed class SubscriberEmail(string value)
{
    public string Value { get; } = value;

    public string Domain => Value[(Value.IndexOf('@') + 1)..];

    public override string ToString() => $"***@{Domain}";
}

public sealed class SubscriberEmailJsonConverter : JsonConverter<SubscriberEmail>
{
    public override SubscriberEmail? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options) =>
        new(reader.GetString() ?? "");

    public override void Write(Utf8JsonWriter writer, SubscriberEmail value, JsonSerializerOptions options) =>
        writer.WriteStringValue(value.ToString());
}

public sealed record AccountChanged(Guid SubscriberId, SubscriberEmail Email, string Plan, string Territory, DateTimeOffset ChangedAt);

public sealed record PlanChanged(string FromPlan, string ToPlan, string Territory, [property: JsonIgnore] Guid SubscriberId);

public sealed record InvoiceIssued(string InvoiceNumber, SubscriberEmail BillingEmail, decimal Amount, string Currency);

[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, Converters = new[] { typeof(SubscriberEmailJsonConverter) })]
[JsonSerializable(typeof(AccountChanged))]
[JsonSerializable(typeof(PlanChanged))]
public sealed partial class AccountTelemetryJsonContext : JsonSerializerContext;

[JsonSerializable(typeof(InvoiceIssued))]
public sealed partial class BillingJsonContext : JsonSerializerContext;

public sealed class AccountEventsPublisher(ILogger<AccountEventsPublisher> logger, ActivitySource source, Pseudonymizer pseudonymizer)
{
    public void Publish(AccountChanged changed)
    {
        using var span = source.StartModelOperation("publish", nameof(AccountChanged));
        span.SetModelSubjectId(pseudonymizer.PseudonymizeModelSubjectId(changed.SubscriberId.ToString())); // clean precision-pseudonym
        var json = JsonSerializer.Serialize(changed, AccountTelemetryJsonContext.Default.AccountChanged);
        span.Activity?.SetTag("media.account.changed", json); // leak TC1001 logging-objects
        span.SetModelPayloadSize(Encoding.UTF8.GetByteCount(json));
        logger.LogInformation("Account changed: {Plan} in {Territory}, mail at {Email}", changed.Plan, changed.Territory, changed.Email); // clean precision-about
    }

    public void Publish(PlanChanged plan)
    {
        using var span = source.StartModelOperation("publish", nameof(PlanChanged));
        span.Activity?.SetTag("media.plan.changed", JsonSerializer.Serialize(plan, AccountTelemetryJsonContext.Default.PlanChanged)); // clean logging-objects
        logger.LogInformation("Plan changed {From} -> {To} in {Territory}", plan.FromPlan, plan.ToPlan, plan.Territory);
        span.AddModelChangedEvent(nameof(PlanChanged), modelChanges: nameof(PlanChanged.ToPlan), modelSubjectId: pseudonymizer.PseudonymizeModelSubjectId(plan.SubscriberId.ToString())); // clean precision-pseudonym
    }

    public void Publish(InvoiceIssued invoice)
    {
        logger.LogInformation("Invoice {Invoice}", JsonSerializer.Serialize(invoice, BillingJsonContext.Default.InvoiceIssued)); // leak TC1001 logging-objects
        logger.LogInformation("Invoice {Invoice}", invoice); // clean logging-objects
        logger.LogInformation("Invoice {InvoiceNumber} mailed to {Email}", invoice.InvoiceNumber, invoice.BillingEmail.Value); // leak TC1001 direct
        Activity.Current?.SetTag("media.invoice.email", invoice.BillingEmail); // clean precision-about
        Activity.Current?.SetTag("media.invoice.number", invoice.InvoiceNumber);
    }
}
