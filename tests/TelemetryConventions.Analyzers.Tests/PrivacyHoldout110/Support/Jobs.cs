// Stand-ins in the shape of Hangfire's client: delayed and recurring jobs.
namespace Hangfire
{
    using System.Linq.Expressions;

    public interface IBackgroundJobClient
    {
        string Schedule<T>(Expression<Func<T, Task>> methodCall, TimeSpan delay);

        string Enqueue<T>(Expression<Func<T, Task>> methodCall);

        bool Delete(string jobId);
    }

    public interface IRecurringJobManager
    {
        void AddOrUpdate<T>(string recurringJobId, Expression<Func<T, Task>> methodCall, string cronExpression);

        void RemoveIfExists(string recurringJobId);
    }
}
