using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using OpenTelemetry.Trace;
using TelemetryConventions;

namespace PrivacyHoldout8.Energy;

/// <summary>The household the current request acts for, filled in by the authentication middleware.</summary>
public sealed class CurrentHousehold
{
    public string MeterSerial { get; set; } = string.Empty;

    public string ContactPhone { get; set; } = string.Empty;

    public Pseudonym Reference { get; set; }

    public string SupplyRegion { get; set; } = string.Empty;
}

public sealed class SmsGatewayException(string message) : Exception(message);

public interface ISmsGateway
{
    Task SendAsync(string phone, string text, CancellationToken cancellationToken);
}

/// <summary>Texts the households on a feeder when an outage is declared.</summary>
public sealed class OutageNotifier(IServiceScopeFactory scopes, ISmsGateway sms, ILogger<OutageNotifier> logger)
{
    private static readonly ActivitySource Source = new("PrivacyHoldout8.Energy.Outages");

    public async Task NotifyAsync(string feederId, IReadOnlyList<CurrentHousehold> households, CancellationToken cancellationToken)
    {
        using var activity = Source.StartActivity("outage.notify");
        activity?.SetTag("feeder.id", feederId); // clean cross-member
        var failures = 0;
        foreach (var household in households)
        {
            using var scope = scopes.CreateScope();
            var current = scope.ServiceProvider.GetRequiredService<CurrentHousehold>();
            current.MeterSerial = household.MeterSerial;
            current.ContactPhone = household.ContactPhone;
            try
            {
                await sms.SendAsync(current.ContactPhone, $"Power outage on feeder {feederId}", cancellationToken);
                activity?.AddEvent(new ActivityEvent("outage.sms.sent", tags: new ActivityTagsCollection { ["household"] = current.Reference.Value })); // clean cross-member
                activity?.AddEvent(new ActivityEvent("outage.sms.region", tags: new ActivityTagsCollection { ["region"] = current.SupplyRegion })); // clean cross-member
            }
            catch (SmsGatewayException ex)
            {
                failures++;
                logger.LogWarning(ex, "SMS to household on feeder {Feeder} failed", feederId); // leak TC1001 exceptions
                activity?.SetTag("outage.sms.failed_meter", current.MeterSerial); // leak TC1001 cross-member
            }
        }
        activity?.SetTag("outage.sms.failures", failures); // clean precision-about
    }
}

/// <summary>The gateway as the vendor's client library behaves: the phone number is in its error.</summary>
public sealed class VendorSmsGateway : ISmsGateway
{
    public Task SendAsync(string phone, string text, CancellationToken cancellationToken) =>
        phone.StartsWith('+') ? Task.CompletedTask : throw new SmsGatewayException($"Number {phone} is not in international format");
}
