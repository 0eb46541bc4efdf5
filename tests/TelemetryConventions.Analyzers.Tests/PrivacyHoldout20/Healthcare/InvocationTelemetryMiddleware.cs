using System;
using System.Diagnostics;
using System.Threading.Tasks;
using Microsoft.Azure.Functions.Worker;
using Microsoft.Azure.Functions.Worker.Middleware;
using Microsoft.Extensions.Logging;
using PrivacyHoldout20.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout20.Healthcare;

/// <summary>
/// Worker middleware of the clinic function app (registered with <c>builder.UseMiddleware</c>): tags
/// every invocation and opens a logging scope for it.
/// </summary>
public sealed class InvocationTelemetryMiddleware(Pseudonymizer pseudonymizer, ILogger<InvocationTelemetryMiddleware> logger) : IFunctionsWorkerMiddleware
{
    public async Task Invoke(FunctionContext context, FunctionExecutionDelegate next)
    {
        var activity = Activity.Current;
        activity?.SetTag("faas.invocation_id", context.InvocationId); // clean precision-names
        activity?.SetTag("faas.name", context.FunctionDefinition.Name);
        activity?.SetTag("clinic.binding.count", context.BindingContext.BindingData.Count); // clean precision-about

        if (context.BindingContext.BindingData.TryGetValue("mrn", out var value) && value is string patientNumber)
        {
            activity?.SetTag(ServerlessAttributes.SubjectId, pseudonymizer.ComputeServerlessSubjectId(patientNumber)); // clean precision-pseudonym
        }

        using (logger.BeginScope(context.BindingContext.BindingData)) // leak TC1001 logging-objects
        {
            try
            {
                await next(context);
            }
            catch (Exception ex)
            {
                logger.LogError("Function {Function} failed with {ErrorType}", context.FunctionDefinition.Name, ex.GetType().Name); // clean exceptions
                throw;
            }
        }
    }
}
