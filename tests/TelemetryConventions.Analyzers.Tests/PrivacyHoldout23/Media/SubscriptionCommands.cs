using System;
using System.Diagnostics;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using Microsoft.Extensions.Logging;
using PrivacyHoldout23.Support.SharedKernel;
using PrivacyHoldout23.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout23.Media;

public sealed record ChangeBillingEmailCommand(Guid SubscriptionId, string NewEmail) : IRequest<Result>;

public sealed record CancelSubscriptionCommand(Guid SubscriptionId, Guid RequestedBy, CancellationReason Reason, string? Feedback) : IRequest<Result>;

internal sealed class SubscriptionCommandHandlers(
    IRepository<Subscription> subscriptions,
    IUnitOfWork unitOfWork,
    ActivitySource source,
    Pseudonymizer pseudonymizer,
    ILogger<SubscriptionCommandHandlers> logger)
    : IRequestHandler<ChangeBillingEmailCommand, Result>, IRequestHandler<CancelSubscriptionCommand, Result>
{
    public async Task<Result> Handle(ChangeBillingEmailCommand request, CancellationToken cancellationToken)
    {
        using var span = source.StartCommandHandle("ChangeBillingEmail");
        span.SetAggregateType(nameof(Subscription)).SetAggregateId(request.SubscriptionId.ToString()); // clean direct

        if (!Email.TryParse(request.NewEmail, out var email))
        {
            var error = MediaErrors.InvalidEmail(request.NewEmail);
            span.SetCommandErrorCode(error.Code); // clean precision-about
            logger.LogCommandRejectedEvent("ChangeBillingEmail", error.Code, commandNote: error.Description); // leak TC1001 generated-api
            return error;
        }

        var subscription = await subscriptions.GetByIdAsync(new SubscriptionId(request.SubscriptionId), cancellationToken)
            ?? throw new NotFoundException(nameof(Subscription), request.SubscriptionId); // clean exceptions

        var result = subscription.ChangeBillingEmail(email);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        span.SetCommandSubjectId(pseudonymizer.PseudonymizeCommandSubjectId(subscription.Subscriber.Value.ToString())); // clean precision-pseudonym
        Activity.Current?.SetTag(CommandAttributes.SubjectContact, pseudonymizer.ComputeCommandSubjectId(email.Value)); // leak TC1001 precision-pseudonym
        logger.LogInformation("Billing email of {SubscriptionId} changed to {Email}", subscription.Id, email); // clean precision-about
        return result;
    }

    public async Task<Result> Handle(CancelSubscriptionCommand request, CancellationToken cancellationToken)
    {
        var subscription = await subscriptions.GetByIdAsync(new SubscriptionId(request.SubscriptionId), cancellationToken);
        if (subscription is null)
        {
            return Error.NotFound("Subscription.NotFound", "The subscription does not exist.");
        }

        var result = subscription.Cancel(new SubscriberId(request.RequestedBy), request.Reason);
        await unitOfWork.SaveChangesAsync(cancellationToken);

        logger.LogInformation("Cancelled {Subscription} because {Reason}", subscription, request.Reason); // clean logging-objects
        logger.LogInformation("Exit survey: {Feedback}", request.Feedback); // leak TC1001 direct
        Activity.Current?.SetTag("cancellation.feedback_length", request.Feedback?.Length ?? 0); // clean precision-about
        return result;
    }
}
