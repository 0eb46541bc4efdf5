using System.Diagnostics;
using System.Security.Claims;
using System.Text.Json;
using HotChocolate;
using HotChocolate.Execution;
using HotChocolate.Execution.Instrumentation;
using HotChocolate.Resolvers;
using Microsoft.Extensions.Logging;
using PrivacyHoldout19.Telemetry;
using TelemetryConventions;

namespace PrivacyHoldout19.Media;

/// <summary>Names the request span after the operation and keeps the operation's shape in the log.</summary>
public sealed class CatalogDiagnostics(ILogger<CatalogDiagnostics> logger, Pseudonymizer pseudonymizer) : ExecutionDiagnosticEventListener
{
    public override IDisposable ExecuteRequest(IRequestContext context)
    {
        var request = context.Request;
        var operation = request.OperationName ?? "anonymous";
        var span = Activity.Current.EnrichAppGraphqlRequest(operation); // clean generated-api
        if (context.ContextData.TryGetValue(nameof(ClaimsPrincipal), out var value) && value is ClaimsPrincipal { Identity.IsAuthenticated: true } user)
        {
            span.SetAppUserId(pseudonymizer.PseudonymizeAppUserId(user.FindFirst(ClaimTypes.NameIdentifier)!.Value)); // clean precision-pseudonym
        }

        logger.LogInformation("{Operation} with {VariableCount} variables", operation, request.VariableValues?.Count ?? 0); // clean precision-about
        logger.LogDebug("{Operation} variables: {Variables}", operation, JsonSerializer.Serialize(request.VariableValues)); // leak TC1001 strings
        return EmptyScope;
    }

    public override void RequestError(IRequestContext context, Exception exception)
    {
        Activity.Current?.AddException(exception); // clean exceptions
    }
}

/// <summary>Maps resolver exceptions of the catalogue to client errors and logs them as events.</summary>
public sealed class CatalogErrorFilter(ILogger<CatalogErrorFilter> logger) : IErrorFilter
{
    public IError OnError(IError error)
    {
        var field = error.Path?.ToString() ?? "(request)";
        if (error.Exception is TitleUnavailableException unavailable)
        {
            logger.LogAppGraphqlErrorEvent(field, unavailable.Message); // clean exceptions
            return error.WithMessage("This title is not available in your region.").WithCode("NOT_LICENSED").RemoveException();
        }

        if (error.Exception is ProfileLockedException locked)
        {
            logger.LogAppGraphqlErrorEvent(field, locked.Message); // leak TC1001 exceptions
            return error.WithMessage("This profile is locked.").WithCode("PROFILE_LOCKED").RemoveException();
        }

        logger.LogAppGraphqlErrorEvent(field, error.Code ?? "UNEXPECTED"); // clean precision-names
        return error;
    }
}
