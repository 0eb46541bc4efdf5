using System.Threading;
using System.Threading.Tasks;

namespace Microsoft.Extensions.Hosting;

// Stand-in for the generic host's background service.

public interface IHostedService
{
    Task StartAsync(CancellationToken cancellationToken);

    Task StopAsync(CancellationToken cancellationToken);
}

public abstract class BackgroundService : IHostedService
{
    private Task? _executing;

    protected abstract Task ExecuteAsync(CancellationToken stoppingToken);

    public virtual Task StartAsync(CancellationToken cancellationToken)
    {
        _executing = ExecuteAsync(cancellationToken);
        return Task.CompletedTask;
    }

    public virtual Task StopAsync(CancellationToken cancellationToken) => _executing ?? Task.CompletedTask;
}
