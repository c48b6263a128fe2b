// Aligning many articles: read and aligned on worker threads, finished (TM import, summary
// lines) on the calling thread in article order.
#ifndef HASHI_CLI_ALIGN_BATCH_H_
#define HASHI_CLI_ALIGN_BATCH_H_

#include <vector>

#include "align_job.h"
#include "progress.h"

namespace hashi::cli {

// Runs every task through `job` (AlignJob::Prepare on up to 4 worker threads; AlignJob::Finish
// here, in order). A task that fails is reported on stderr
// and the others go on. Returns the number of tasks that failed.
size_t RunArticles(AlignJob& job, const std::vector<ArticleTask>& tasks, bool presegmented,
                   Progress& progress);

}  // namespace hashi::cli

#endif  // HASHI_CLI_ALIGN_BATCH_H_
