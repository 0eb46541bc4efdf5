using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Gaming;

internal sealed class ItemGrantedHandler(Pseudonymizer pseudonymizer, ILogger<ItemGrantedHandler> logger) : INotificationHandler<ItemGranted>
{
    public Task Handle(ItemGranted notification, CancellationToken cancellationToken)
    {
        Activity.Current?.AddDomainEventRaisedEvent(nameof(ItemGranted), notification.GrantId.Value.ToString(), pseudonymizer.PseudonymizeCommandSubjectId(notification.Player.Value.ToString())); // clean precision-pseudonym
        logger.LogInformation("Item granted {@ItemGranted}", notification); // leak TC1001 logging-objects
        return Task.CompletedTask;
    }
}
