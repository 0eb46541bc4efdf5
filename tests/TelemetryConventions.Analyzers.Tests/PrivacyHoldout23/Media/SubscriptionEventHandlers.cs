using System.Collections.Generic;
using System.Diagnostics;
using System.Diagnostics.Metrics;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout23.Media;

internal sealed class PlanChangedHandler : INotificationHandler<PlanChanged>
{
    private readonly ILogger<PlanChangedHandler> _logger;
    private readonly Counter<long> _planChanges;

    public PlanChangedHandler(Meter meter, ILogger<PlanChangedHandler> logger)
    {
        _logger = logger;
        _planChanges = meter.CreateCounter<long>("media.plan.changes");
    }

    public Task Handle(PlanChanged notification, CancellationToken cancellationToken)
    {
        _planChanges.Add(1, new KeyValuePair<string, object?>("from", notification.From.Value), new KeyValuePair<string, object?>("to", notification.To.Value)); // clean direct
        _logger.LogInformation("{Subscriber} moved from {OldPlan} to {NewPlan}", notification.Subscriber, notification.From, notification.To); // leak TC1001 cross-member
        return Task.CompletedTask;
    }
}

internal sealed class BillingEmailChangedHandler(ILogger<BillingEmailChangedHandler> logger) : INotificationHandler<BillingEmailChanged>
{
    public Task Handle(BillingEmailChanged notification, CancellationToken cancellationToken)
    {
        logger.LogInformation("Billing email changed from {OldEmail} to {NewEmail}", notification.Old, notification.New); // clean precision-about
        Activity.Current?.SetTag("billing.email.previous", notification.Old.Value); // leak TC1001 cross-member
        return Task.CompletedTask;
    }
}
