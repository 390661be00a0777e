#include "query/eval_context.h"

namespace pg {

Result<const NodeView*> NodeOf(EvalContext& ctx, NodeRef ref) { return ctx.cache->Get(ctx.view->Id(ref)); }

}  // namespace pg
