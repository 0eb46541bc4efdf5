using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Text;
using Microsoft.Extensions.Logging;
using OpenTelemetry;
using PrivacyHoldout15.Support.Firebase;
using PrivacyHoldout15.Support.Twilio;
using PrivacyHoldout15.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout15.Transport;

public sealed record RouteDisruption(string RouteId, string ServiceId, int DelayMinutes, string Reason);

public sealed record RiderSubscription(Guid RiderId, string TravelCardNumber, string? Phone, string? PushToken, string Name, bool QuietHoursOn, TimeOnly QuietFrom, TimeOnly QuietUntil);

public interface IRouteSubscriptions
{
    Task<IReadOnlyList<RiderSubscription>> ForRouteAsync(string routeId, CancellationToken cancellationToken);
}

/// <summary>Sends disruption alerts to riders who follow a route: push first, SMS as a fallback.</summary>
public sealed class DelayAlertService(
    IRouteSubscriptions subscriptions,
    FirebaseMessaging messaging,
    ITwilioRestClient twilio,
    Pseudonymizer pseudonymizer,
    ILogger<DelayAlertService> logger,
    Meter meter,
    TimeProvider clock)
{
    private static readonly ActivitySource Source = new("Transit.Alerts");
    private readonly Counter<long> _alerts = meter.CreateCounter<long>("transit.alerts", "{alert}");
    private readonly Counter<long> _held = meter.CreateCounter<long>("transit.alerts.held", "{alert}");

    public async Task AlertAsync(RouteDisruption disruption, CancellationToken cancellationToken)
    {
        var riders = await subscriptions.ForRouteAsync(disruption.RouteId, cancellationToken);
        using var send = Source.StartNotifySend(NotifyChannel.Push).SetNotifyRecipientCount(riders.Count).SetNotifyTemplateId("route-delay"); // clean precision-about
        send.Activity?.SetTag("transit.route", disruption.RouteId); // clean precision-names
        send.Activity?.SetTag("transit.delay_minutes", disruption.DelayMinutes);

        await messaging.SendAsync(new Message { Topic = $"route-{disruption.RouteId}", Notification = new Notification { Title = $"Route {disruption.RouteId} delayed", Body = disruption.Reason } }, cancellationToken);
        logger.LogInformation("Topic alert sent to {Topic}", $"route-{disruption.RouteId}"); // clean precision-names

        var now = TimeOnly.FromDateTime(clock.GetLocalNow().DateTime);
        foreach (var rider in riders)
        {
            if (rider.QuietHoursOn && (now >= rider.QuietFrom || now < rider.QuietUntil))
            {
                _held.Add(1, new KeyValuePair<string, object?>("route", disruption.RouteId));
                logger.LogDebug("Holding alert for {RiderName} until {QuietUntil}", rider.Name, rider.QuietUntil); // leak TC1001 direct
                continue;
            }

            if (rider.PushToken is null && rider.Phone is not null)
            {
                var text = new StringBuilder().Append("Hi ").Append(rider.Name).Append(", route ").Append(disruption.RouteId).Append(" is running ").Append(disruption.DelayMinutes).Append(" min late.").ToString();
                try
                {
                    var message = await MessageResource.CreateAsync(to: rider.Phone, from: "TRANSIT", body: text, client: twilio);
                    send.AddNotifyDeliveryFailedEvent(NotifyChannel.Push, "no app: sent by SMS " + message.Sid); // clean precision-names
                    logger.LogDebug("Fallback text: {Text}", text); // leak TC1001 strings
                }
                catch (ApiException ex)
                {
                    send.AddNotifyDeliveryFailedEvent(NotifyChannel.Sms, ex.Message, pseudonymizer.PseudonymizeNotifyRecipientId(rider.RiderId.ToString())); // leak TC1001 exceptions
                    logger.LogWarning("SMS fallback failed with {Code} for rider {Rider}", ex.Code, pseudonymizer.ComputeNotifyRecipientId(rider.RiderId.ToString())); // clean precision-pseudonym
                }
                _alerts.Add(1, new KeyValuePair<string, object?>("channel", "sms"), new KeyValuePair<string, object?>("card", rider.TravelCardNumber)); // leak TC1003 direct
                continue;
            }

            if (rider.PushToken is not null)
            {
                Baggage.SetBaggage("transit.rider", pseudonymizer.ComputeNotifyRecipientId(rider.RiderId.ToString())); // clean precision-pseudonym
                await messaging.SendAsync(new Message { Token = rider.PushToken, Notification = new Notification { Title = $"{rider.Name}, your route is delayed" } }, cancellationToken);
                _alerts.Add(1, new KeyValuePair<string, object?>("channel", "push"), new KeyValuePair<string, object?>("route", disruption.RouteId)); // clean precision-names
                Baggage.SetBaggage("transit.card", rider.TravelCardNumber); // leak TC1001 direct
            }
        }
    }
}
