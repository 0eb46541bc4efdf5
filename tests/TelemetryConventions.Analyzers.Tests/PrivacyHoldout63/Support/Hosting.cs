using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;

// Stand-ins for Microsoft.Extensions.Hosting, Microsoft.Extensions.Options and
// Microsoft.Extensions.Configuration, reduced to what the services use. Only the shapes matter.

namespace Microsoft.Extensions.Hosting
{
    public interface IHostedService
    {
        Task StartAsync(CancellationToken cancellationToken);

        Task StopAsync(CancellationToken cancellationToken);
    }

    public interface IHostedLifecycleService : IHostedService
    {
        Task StartingAsync(CancellationToken cancellationToken);

        Task StartedAsync(CancellationToken cancellationToken);

        Task StoppingAsync(CancellationToken cancellationToken);

        Task StoppedAsync(CancellationToken cancellationToken);
    }

    public abstract class BackgroundService : IHostedService, IDisposable
    {
        private Task? _executing;
        private CancellationTokenSource? _stopping;

        public virtual Task? ExecuteTask => _executing;

        protected abstract Task ExecuteAsync(CancellationToken stoppingToken);

        public virtual Task StartAsync(CancellationToken cancellationToken)
        {
            _stopping = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            _executing = ExecuteAsync(_stopping.Token);
            return _executing.IsCompleted ? _executing : Task.CompletedTask;
        }

        public virtual async Task StopAsync(CancellationToken cancellationToken)
        {
            if (_executing is null)
            {
                return;
            }

            _stopping?.Cancel();
            await Task.WhenAny(_executing, Task.Delay(Timeout.Infinite, cancellationToken)).ConfigureAwait(false);
        }

        public virtual void Dispose() => _stopping?.Cancel();
    }

    public interface IHostApplicationLifetime
    {
        CancellationToken ApplicationStarted { get; }

        CancellationToken ApplicationStopping { get; }

        CancellationToken ApplicationStopped { get; }

        void StopApplication();
    }

    public interface IHostEnvironment
    {
        string EnvironmentName { get; }

        string ApplicationName { get; }
    }

    public static class HostEnvironmentEnvExtensions
    {
        public static bool IsDevelopment(this IHostEnvironment environment) => environment.EnvironmentName == "Development";

        public static bool IsProduction(this IHostEnvironment environment) => environment.EnvironmentName == "Production";
    }
}

namespace Microsoft.Extensions.Options
{
    public interface IOptions<out TOptions>
        where TOptions : class
    {
        TOptions Value { get; }
    }

    public interface IOptionsMonitor<out TOptions>
    {
        TOptions CurrentValue { get; }

        TOptions Get(string? name);

        IDisposable? OnChange(Action<TOptions, string?> listener);
    }

    public interface IValidateOptions<TOptions>
        where TOptions : class
    {
        ValidateOptionsResult Validate(string? name, TOptions options);
    }

    public class ValidateOptionsResult
    {
        public static readonly ValidateOptionsResult Skip = new() { Skipped = true };

        public static readonly ValidateOptionsResult Success = new() { Succeeded = true };

        public bool Succeeded { get; protected set; }

        public bool Skipped { get; protected set; }

        public bool Failed { get; protected set; }

        public string? FailureMessage { get; protected set; }

        public IEnumerable<string>? Failures { get; protected set; }

        public static ValidateOptionsResult Fail(string failureMessage) =>
            new() { Failed = true, FailureMessage = failureMessage, Failures = new[] { failureMessage } };

        public static ValidateOptionsResult Fail(IEnumerable<string> failures) =>
            new() { Failed = true, FailureMessage = string.Join("; ", failures), Failures = failures };
    }

    public class ValidateOptionsResultBuilder
    {
        private readonly List<string> _errors = new();

        public void AddError(string error, string? propertyName = null) =>
            _errors.Add(propertyName is null ? error : $"Property {propertyName}: {error}");

        public void AddResult(ValidateOptionsResult result)
        {
            if (result.Failed && result.Failures is not null)
            {
                _errors.AddRange(result.Failures);
            }
        }

        public ValidateOptionsResult Build() => _errors.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(_errors);
    }

    /// <summary>Thrown when options fail validation; its message joins the failures with "; ".</summary>
    public class OptionsValidationException(string optionsName, Type optionsType, IEnumerable<string>? failureMessages)
        : Exception(string.Join("; ", failureMessages ?? Array.Empty<string>()))
    {
        public string OptionsName { get; } = optionsName;

        public Type OptionsType { get; } = optionsType;

        public IEnumerable<string> Failures { get; } = failureMessages?.ToArray() ?? Array.Empty<string>();
    }

    public static class Options
    {
        public static IOptions<TOptions> Create<TOptions>(TOptions options)
            where TOptions : class => new Wrapper<TOptions>(options);

        private sealed class Wrapper<TOptions>(TOptions value) : IOptions<TOptions>
            where TOptions : class
        {
            public TOptions Value { get; } = value;
        }
    }
}

namespace Microsoft.Extensions.Configuration
{
    public interface IConfiguration
    {
        string? this[string key] { get; }

        IConfigurationSection GetSection(string key);
    }

    public interface IConfigurationSection : IConfiguration
    {
        string Key { get; }

        string Path { get; }

        string? Value { get; }
    }

    public static class ConfigurationExtensions
    {
        public static string? GetConnectionString(this IConfiguration configuration, string name) => configuration.GetSection("ConnectionStrings")[name];
    }
}
