using System;
using System.Diagnostics;
using System.Linq;
using System.Reflection;
using System.Threading.Tasks;
using Castle.DynamicProxy;
using Microsoft.Extensions.Logging;
using TelemetryConventions;

namespace PrivacyHoldout56.Media;

/// <summary>Marks an interface method the tracing interceptor starts a span for.</summary>
[AttributeUsage(AttributeTargets.Method)]
public sealed class TracedAttribute(string? spanName = null) : Attribute
{
    public string? SpanName { get; } = spanName;
}

/// <summary>Puts the argument on the span under <see cref="Name"/>.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class TagAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>Puts a keyed pseudonym of the argument on the span as <c>{domain}.id</c>.</summary>
[AttributeUsage(AttributeTargets.Parameter)]
public sealed class PseudonymisedAttribute(string domain) : Attribute
{
    public string Domain { get; } = domain;
}

public sealed record ProfileView(Guid ProfileId, string Name, string MaturityRating);

public interface IProfileService
{
    [Traced("profiles.switch")]
    Task SwitchAsync([Pseudonymised("profile")] Guid profileId, [Tag("vod.device.class")] string deviceClass);

    [Traced]
    Task RenameAsync([Pseudonymised("profile")] Guid profileId, [Tag("vod.profile.name")] string newName);

    [Traced]
    Task<ProfileView> GetAsync([Pseudonymised("profile")] Guid profileId);

    Task SetMaturityAsync(Guid profileId, string rating);
}

public interface IWatchHistory
{
    [Traced]
    Task RecordAsync([Tag("vod.title.id")] string titleId, [Pseudonymised("profile")] Guid profileId, [Tag("vod.position.seconds")] int positionSeconds);
}

/// <summary>Thrown by the profile service when a name is taken on the account.</summary>
public sealed class ProfileNameTakenException(string name)
    : Exception($"The account already has a profile called '{name}'.");

/// <summary>
/// The playback team's tracing interceptor, on the profile service and the watch history:
/// spans for [Traced] methods, tags for [Tag] parameters, pseudonyms for [Pseudonymised] ones.
/// </summary>
public sealed class TracedAttributeInterceptor(ActivitySource source, Pseudonymizer pseudonymizer, ILogger<TracedAttributeInterceptor> logger) : IInterceptor
{
    public void Intercept(IInvocation invocation)
    {
        var traced = invocation.Method.GetCustomAttribute<TracedAttribute>();
        if (traced is null)
        {
            invocation.Proceed();
            return;
        }

        var activity = source.StartActivity(traced.SpanName ?? $"{invocation.Method.DeclaringType!.Name}.{invocation.Method.Name}"); // clean precision-names
        var parameters = invocation.Method.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            if (parameters[i].GetCustomAttribute<PseudonymisedAttribute>() is { } pseudonymised && invocation.Arguments[i] is { } raw)
            {
                activity?.SetTag($"{pseudonymised.Domain}.id", pseudonymizer.Compute(pseudonymised.Domain, raw.ToString()!)); // clean precision-pseudonym
            }
            else if (parameters[i].GetCustomAttribute<TagAttribute>() is { } tag)
            {
                activity?.SetTag(tag.Name, invocation.Arguments[i]); // leak TC1001 cross-member
            }
        }

        activity?.SetTag("code.parameters", string.Join(",", parameters.Select(p => p.Name))); // clean precision-names
        invocation.Proceed();
        logger.LogDebug("{Method} returned {ReturnValue}", invocation.Method.Name, invocation.ReturnValue); // clean logging-objects
        if (invocation.ReturnValue is Task task)
        {
            task.ContinueWith(
                t =>
                {
                    if (t.Exception?.GetBaseException() is { } error)
                    {
                        activity?.AddException(error); // leak TC1001 exceptions
                        activity?.SetStatus(ActivityStatusCode.Error, error.GetType().Name); // clean exceptions
                    }

                    activity?.Dispose();
                },
                TaskScheduler.Default);
        }
        else
        {
            activity?.Dispose();
        }
    }
}
