using System.Diagnostics;
using System.Diagnostics.Metrics;
using Microsoft.Extensions.Logging;
using PrivacyCorpus.Shared;
using PrivacyHoldout15.Support;
using PrivacyHoldout15.Support.Twilio;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Energy;

public sealed record OutageNotice(string OutageId, string FeederId, string Cause, DateTimeOffset EstimatedRestore);

public sealed record AffectedCustomer(string AccountNumber, string MeterSerial, string FullName, string Phone, bool PriorityServices);

public interface IOutageAudience
{
    IAsyncEnumerable<AffectedCustomer> OnFeederAsync(string feederId, CancellationToken cancellationToken);
}

public sealed class OutageSmsOptions
{
    public string MessagingServiceSid { get; set; } = "MG0000000000000000000000000000000a";

    public int MaxPerSecond { get; set; } = 50;
}

public static partial class OutageLog
{
    [LoggerMessage(EventId = 7001, Level = LogLevel.Information, Message = "Outage {OutageId} on feeder {FeederId}: texting {Count} customers")]
    public static partial void Broadcasting(ILogger logger, string outageId, string feederId, int count);

    [LoggerMessage(EventId = 7002, Level = LogLevel.Warning, Message = "Outage text to {Phone} for account {AccountNumber} failed: {Reason}")]
    public static partial void TextFailed(ILogger logger, string phone, string accountNumber, string reason);

    [LoggerMessage(EventId = 7003, Level = LogLevel.Information, Message = "Priority-services customer {CustomerName} notified of outage {OutageId}")]
    public static partial void PriorityNotified(ILogger logger, [PrivateData] string customerName, string outageId);

    [LoggerMessage(EventId = 7004, Level = LogLevel.Debug, Message = "Outage text queued as {Sid} for meter {MeterSerial}")]
    public static partial void Queued(ILogger logger, string sid, string meterSerial);
}

/// <summary>Texts every customer on a feeder when the control room declares an outage.</summary>
public sealed class OutageBroadcaster(
    IOutageAudience audience,
    ITwilioRestClient twilio,
    IOptions<OutageSmsOptions> options,
    Pseudonymizer pseudonymizer,
    ILogger<OutageBroadcaster> logger,
    Meter meter)
{
    private static readonly ActivitySource Source = new("Grid.Outages.Notify");
    private readonly Counter<long> _failures = meter.CreateCounter<long>("outage.sms.failures", "{message}");

    public async Task<int> BroadcastAsync(OutageNotice notice, CancellationToken cancellationToken)
    {
        var customers = new List<AffectedCustomer>();
        await foreach (var customer in audience.OnFeederAsync(notice.FeederId, cancellationToken))
        {
            customers.Add(customer);
        }

        OutageLog.Broadcasting(logger, notice.OutageId, notice.FeederId, customers.Count); // clean precision-names
        using var batch = Source.StartNotifySend(NotifyChannel.Sms).SetNotifyRecipientCount(customers.Count).SetNotifyProvider("twilio"); // clean precision-about
        batch.Activity?.SetTag("outage.feeder", notice.FeederId); // clean precision-names
        batch.Activity?.SetTag("outage.priority_customers", customers.Count(c => c.PriorityServices)); // clean precision-about

        var sent = 0;
        foreach (var customer in customers)
        {
            var body = $"{notice.Cause}: power is off in your area. We expect it back by {notice.EstimatedRestore:HH:mm}. Ref {notice.OutageId}";
            try
            {
                var message = await MessageResource.CreateAsync(to: customer.Phone, body: body, messagingServiceSid: options.Value.MessagingServiceSid, client: twilio); // clean direct
                OutageLog.Queued(logger, message.Sid, customer.MeterSerial); // leak TC1001 direct
                if (customer.PriorityServices)
                {
                    OutageLog.PriorityNotified(logger, customer.FullName, notice.OutageId); // clean logging-objects
                    batch.AddNotifyDeliveryFailedEvent(NotifyChannel.Sms, "priority customer: call follows", pseudonymizer.PseudonymizeNotifyRecipientId(customer.AccountNumber)); // clean precision-pseudonym
                }
                sent++;
            }
            catch (ApiException ex) when (ex.Code == 21610)
            {
                // 21610: the customer replied STOP; the message names no number.
                OutageLog.TextFailed(logger, customer.Phone, customer.AccountNumber, "unsubscribed"); // leak TC1001 direct
                _failures.Add(1, new KeyValuePair<string, object?>("code", ex.Code));
            }
            catch (ApiException ex)
            {
                _failures.Add(1, new KeyValuePair<string, object?>("code", ex.Code), new KeyValuePair<string, object?>("account", customer.AccountNumber)); // leak TC1003 direct
                batch.AddNotifyDeliveryFailedEvent(NotifyChannel.Sms, $"{ex.Code}: {ex.Message}"); // leak TC1001 generated-api
            }
        }

        batch.SetNotifyStatus(sent == customers.Count ? "all-queued" : "partial");
        return sent;
    }
}
