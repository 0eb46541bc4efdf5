using System;
using System.Linq.Expressions;
using System.Threading.Tasks;

namespace PrivacyHoldout32.Support.Jobs;

// A stand-in for a background job scheduler (the shapes of Hangfire's client): the call and its
// arguments are persisted in the job store and run later by a worker.

public interface IBackgroundJobClient
{
    string Schedule<T>(Expression<Func<T, Task>> methodCall, DateTimeOffset enqueueAt);

    string Enqueue<T>(Expression<Func<T, Task>> methodCall);

    bool Delete(string jobId);
}

public interface IRecurringJobManager
{
    void AddOrUpdate<T>(string recurringJobId, Expression<Func<T, Task>> methodCall, string cronExpression, TimeZoneInfo timeZone);

    void RemoveIfExists(string recurringJobId);
}
