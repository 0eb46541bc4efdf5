using System.Diagnostics;
using System.Text.Json;
using System.Threading;
using System.Threading.Tasks;
using MediatR;
using PrivacyHoldout23.Support.SharedKernel;

namespace PrivacyHoldout23.Education;

/// <summary>Starts a span for every request of the enrolment API.</summary>
public sealed class TracingBehavior<TRequest, TResponse>(ActivitySource source) : IPipelineBehavior<TRequest, TResponse>
    where TRequest : notnull
{
    public async Task<TResponse> Handle(TRequest request, RequestHandlerDelegate<TResponse> next, CancellationToken cancellationToken)
    {
        using var activity = source.StartActivity(typeof(TRequest).Name);
        activity?.SetTag("mediator.request", typeof(TRequest).FullName); // clean precision-names
        activity?.SetTag("mediator.request.body", JsonSerializer.Serialize(request)); // leak TC1001 logging-objects

        if (request is IStudentScoped scoped)
        {
            activity?.SetTag("student.number", scoped.StudentNumber); // leak TC1001 cross-member
        }

        var response = await next(cancellationToken);
        if (response is Result { IsFailure: true } failed)
        {
            activity?.SetTag("error.code", failed.Error.Code); // clean precision-about
            activity?.SetStatus(ActivityStatusCode.Error);
        }

        return response;
    }
}
