using System;
using System.Collections.Generic;
using System.Threading;
using System.Threading.Tasks;

namespace PrivacyHoldout29.Support.Workflows;

// A small stand-in for a workflow engine (Elsa/Temporal-style): a workflow instance with an id and
// typed input, steps that run in order, and a runner that retries a step. Plus the scheduling shape of
// a recurring job.

public sealed class WorkflowInstance<TInput>
{
    public required string InstanceId { get; init; }

    public required string Definition { get; init; }

    public required TInput Input { get; init; }

    public int Attempt { get; set; } = 1;

    public Dictionary<string, object?> Variables { get; } = new();
}

public interface IWorkflowStep<TInput>
{
    string Name { get; }

    Task ExecuteAsync(WorkflowInstance<TInput> instance, CancellationToken cancellationToken);
}

/// <summary>Thrown by a step to stop the workflow; the engine records its message in the instance's history.</summary>
public sealed class WorkflowFaultException(string stepName, string message, Exception? inner = null) : Exception(message, inner)
{
    public string StepName { get; } = stepName;
}

public interface IRecurringJob
{
    string JobName { get; }

    Task RunAsync(CancellationToken cancellationToken);
}

public interface IClock
{
    DateTimeOffset UtcNow { get; }
}
