// The implicit usings of an SDK-style web project, which the services rely on.
global using System;
global using System.Collections.Generic;
global using System.Diagnostics;
global using System.Diagnostics.Metrics;
global using System.Linq;
global using System.Threading;
global using System.Threading.Tasks;
