using System.Diagnostics;
using HotChocolate;
using HotChocolate.Execution;
using HotChocolate.Execution.Instrumentation;
using HotChocolate.Resolvers;
using Microsoft.Extensions.Logging;

namespace PrivacyHoldout19.Healthcare;

/// <summary>Turns resolver exceptions into errors the portal's clients understand.</summary>
public sealed class PortalErrorFilter(ILogger<PortalErrorFilter> logger) : IErrorFilter
{
    public IError OnError(IError error)
    {
        switch (error.Exception)
        {
            case PatientNotFoundException notFound:
                logger.LogWarning("Patient lookup failed: {Reason}", notFound.Message); // leak TC1001 exceptions
                return error.WithMessage("Patient not found.").WithCode("PATIENT_NOT_FOUND").RemoveException();
            case SlotUnavailableException slot:
                Activity.Current?.SetStatus(ActivityStatusCode.Error, slot.Message); // clean exceptions
                return error.WithMessage("That slot has just been taken.").WithCode("SLOT_TAKEN").RemoveException();
            case null:
                return error;
            default:
                Activity.Current?.SetTag("graphql.error.type", error.Exception.GetType().Name); // clean exceptions
                return error.WithCode("UNEXPECTED");
        }
    }
}

/// <summary>Request-level diagnostics of the portal's GraphQL endpoint.</summary>
public sealed class PortalExecutionDiagnostics(ILogger<PortalExecutionDiagnostics> logger) : ExecutionDiagnosticEventListener
{
    public override IDisposable ExecuteRequest(IRequestContext context)
    {
        var request = context.Request;
        logger.LogInformation("GraphQL {OperationName} (document {DocumentId})", request.OperationName, request.DocumentId); // clean hashes
        logger.LogDebug("GraphQL {OperationName} variables {@Variables}", request.OperationName, request.VariableValues); // leak TC1001 logging-objects
        logger.LogDebug("GraphQL {OperationName} sent {VariableNames}", request.OperationName, request.VariableValues?.Keys); // clean logging-objects
        return EmptyScope;
    }

    public override void ResolverError(IMiddlewareContext context, IError error)
    {
        logger.LogError(error.Exception, "Resolver {Field} failed at {Path}", context.Selection.Field.Coordinate, error.Path); // leak TC1001 exceptions
    }

    public override void ValidationErrors(IRequestContext context, IReadOnlyList<IError> errors)
    {
        logger.LogWarning("{Count} validation errors in {OperationName}: {Codes}", errors.Count, context.Request.OperationName, errors.Select(e => e.Code).ToArray()); // clean precision-names
    }
}
