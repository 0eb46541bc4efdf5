using System.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.SemanticKernel;
using Microsoft.SemanticKernel.ChatCompletion;

namespace PrivacyHoldout24.Education;

/// <summary>
/// Filters of the tutor kernel. The kernel has the <see cref="TutorPlugin"/> functions and the
/// essay-feedback prompt function; every invocation passes through these filters.
/// </summary>
public static class TutorKernelSetup
{
    public static Kernel Configure(Kernel kernel, TutorPlugin plugin, ILoggerFactory loggerFactory)
    {
        kernel.Plugins.AddFromObject(plugin, "tutor");
        kernel.FunctionInvocationFilters.Add(new FunctionTracingFilter(loggerFactory.CreateLogger<FunctionTracingFilter>()));
        kernel.PromptRenderFilters.Add(new PromptAuditFilter(loggerFactory.CreateLogger<PromptAuditFilter>()));
        kernel.AutoFunctionInvocationFilters.Add(new ToolLoopFilter(loggerFactory.CreateLogger<ToolLoopFilter>()));
        return kernel;
    }
}

public sealed class FunctionTracingFilter(ILogger<FunctionTracingFilter> logger) : IFunctionInvocationFilter
{
    public async Task OnFunctionInvocationAsync(FunctionInvocationContext context, Func<FunctionInvocationContext, Task> next)
    {
        var activity = Activity.Current;
        activity?.SetTag("sk.function.name", $"{context.Function.PluginName}.{context.Function.Name}");
        activity?.SetTag("sk.function.argument.names", string.Join(",", context.Arguments.Keys)); // clean precision-names
        logger.LogDebug("Invoking {Plugin}.{Function} with {Arguments}", context.Function.PluginName, context.Function.Name, context.Arguments); // leak TC1001 logging-objects

        try
        {
            await next(context);
            logger.LogDebug("{Function} returned {ValueType}", context.Function.Name, context.Result.ValueType?.Name); // clean precision-names
            logger.LogTrace("{Function} returned {Result}", context.Function.Name, context.Result); // leak TC1001 logging-objects
        }
        catch (Exception ex)
        {
            logger.LogError(ex, "Tutor function {Function} failed", context.Function.Name); // leak TC1001 exceptions
            activity?.SetStatus(ActivityStatusCode.Error, ex.GetType().Name); // clean exceptions
            throw;
        }
    }
}

public sealed class PromptAuditFilter(ILogger<PromptAuditFilter> logger) : IPromptRenderFilter
{
    public async Task OnPromptRenderAsync(PromptRenderContext context, Func<PromptRenderContext, Task> next)
    {
        await next(context);
        logger.LogInformation("Rendered prompt {Function}, {Length} characters", context.Function.Name, context.RenderedPrompt?.Length ?? 0); // clean precision-about
        logger.LogDebug("Rendered prompt text: {Prompt}", context.RenderedPrompt); // leak TC1001 strings
    }
}

public sealed class ToolLoopFilter(ILogger<ToolLoopFilter> logger) : IAutoFunctionInvocationFilter
{
    private const int MaxRounds = 5;

    public async Task OnAutoFunctionInvocationAsync(AutoFunctionInvocationContext context, Func<AutoFunctionInvocationContext, Task> next)
    {
        Activity.Current?.SetTag("sk.auto.request.index", context.RequestSequenceIndex); // clean precision-about
        Activity.Current?.SetTag("sk.auto.function.count", context.FunctionCount);

        if (context.RequestSequenceIndex >= MaxRounds)
        {
            var studentTurn = context.ChatHistory.LastOrDefault(m => m.Role == AuthorRole.User)?.Content;
            logger.LogWarning("Stopping the tool loop after {Rounds} rounds; the student asked: {StudentTurn}", context.RequestSequenceIndex, studentTurn); // leak TC1001 strings
            context.Terminate = true;
            return;
        }

        await next(context);
    }
}
