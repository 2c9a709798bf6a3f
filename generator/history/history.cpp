#include "history/history.hpp"

namespace cp::history {

namespace {
const CommitFacts kNoFacts;
}  // namespace

const CommitFacts& Revision::of() const { return facts ? *facts : kNoFacts; }

const std::string& Revision::subject() const { return subject_hidden ? kNoFacts.subject : of().subject; }

}  // namespace cp::history
